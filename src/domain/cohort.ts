import { Type, type Static } from 'typebox';
import { PartialDate } from './space.js';
import { Nullable } from './schema-helpers.js';

// One firm incubated by a space, followed from entry to exit, so survival is measured from the
// cohort (Kaplan–Meier) instead of being self-declared (seed study §4.3, PRODUCT.md capability 3).
// Field names are the camelCase of the `cohort_firms` table columns.

/**
 * How a firm left the space. `resident` means it has not left (exitedOn is null): for survival
 * analysis it is censored at the observation date, as are graduated, moved and acquired firms;
 * only `closed` is a failure.
 */
export const EXIT_KINDS = ['graduated', 'resident', 'closed', 'moved', 'acquired'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];

export const CohortFirm = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200 }),
    /** The stored space's id; generators fill it with a source key that the seeder maps to an id. */
    spaceId: Type.String({ minLength: 1, maxLength: 200 }),
    name: Type.String({ minLength: 1, maxLength: 300 }),
    enteredOn: PartialDate,
    exitedOn: Nullable(PartialDate),
    exitKind: Type.Enum(EXIT_KINDS),
    synthetic: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CohortFirm = Static<typeof CohortFirm>;
