// Pillar scores side by side (radar) once an index release exists; filled in by the index API.
export const CompareIndex = (_: { level: 'space' | 'province'; ids: string[]; names: string[] }) => null;
