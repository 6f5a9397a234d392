export const IndexSection = (_: { spaceId: string }) => null;
