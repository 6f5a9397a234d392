export const SurvivalSection = (_: { spaceId: string }) => null;
