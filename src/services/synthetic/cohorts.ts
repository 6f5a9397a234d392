// Incubated firms of synthetic spaces, followed from entry to exit, so survival can be measured from
// cohorts (Kaplan–Meier) as the seed study asks. Each space gets its own two-year survival, around
// 70 % and higher for better spaces; firms then graduate, close, move away or are acquired, whichever
// comes first, and those still in the space on the observation date are `resident` (censored).
import type { CohortFirm, ExitKind } from '../../domain/cohort.js';
import type { SpaceInput } from '../../domain/space.js';
import { dayOfIso, isoOfDay, yearStartDay } from './dates.js';
import { SYNTHETIC_SOURCE } from './generate-spaces.js';
import { firmName } from './names.js';
import { hashSeed, SeededRng } from './rng.js';

export interface CohortOptions {
  seed: number;
  /** First and last entry year; default 2016–2020 (the report years). */
  fromYear?: number;
  toYear?: number;
  /** Observation date (ISO); default the last day of `toYear`. */
  asOf?: string;
  /** Mean entries per year of a median-size space of average quality; default 5. */
  entriesPerYear?: number;
  /** Id written to `spaceId`; default the space's synthetic source id. */
  idOf?: (space: SpaceInput, index: number) => string;
}

const YEAR_DAYS = 365.25;
/** Assumed: median incubation before graduation, about two years (incubators allow up to 48 months). */
const GRADUATION_MEDIAN_YEARS = 2.2;
const ACQUISITION_RATE = 0.015;
const MOVE_RATE = 0.05;
/** Assumed two-year survival of an average space's firms, and how much one sd of quality moves it. */
const SURVIVAL_2Y_MEAN = 0.7;
const SURVIVAL_2Y_PER_SD = 0.09;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** The two-year survival a space's firms are drawn with (exposed for tests and docs). */
export const spaceSurvival2y = (z: number, noise: number): number =>
  clamp(SURVIVAL_2Y_MEAN + SURVIVAL_2Y_PER_SD * z + 0.05 * noise, 0.3, 0.95);

export const generateCohorts = (spaces: readonly SpaceInput[], opts: CohortOptions): CohortFirm[] => {
  const fromYear = opts.fromYear ?? 2016;
  const toYear = opts.toYear ?? 2020;
  const asOfDay = dayOfIso(opts.asOf ?? `${toYear}-12-31`);
  const perYear = opts.entriesPerYear ?? 5;
  const out: CohortFirm[] = [];
  spaces.forEach((space, index) => {
    const src = space.sources?.find((s) => s.source === SYNTHETIC_SOURCE);
    if (!space.synthetic || !src || !space.foundedOn) return;
    const spaceId = opts.idOf ? opts.idOf(space, index) : src.sourceId;
    const rng = new SeededRng(hashSeed(opts.seed, `cohort:${src.sourceId}`));
    const zRaw = space.profile?.['syntheticQuality'];
    const z = typeof zRaw === 'number' ? zRaw : 0;
    // Constant hazard h with exp(-2h) = the space's two-year survival.
    const failRate = -Math.log(spaceSurvival2y(z, rng.normal())) / 2;
    const intensity = perYear * Math.sqrt((space.areaM2 ?? 1500) / 1500) * Math.exp(0.25 * z);
    const foundedDay = dayOfIso(space.foundedOn);
    const closedDay = space.closedOn ? dayOfIso(space.closedOn) : Infinity;
    let k = 0;
    for (let year = fromYear; year <= toYear; year++) {
      const start = Math.max(yearStartDay(year), foundedDay);
      const end = Math.min(yearStartDay(year + 1), closedDay, asOfDay + 1);
      if (end <= start) continue;
      const span = end - start;
      const count = rng.poisson((intensity * span) / YEAR_DAYS);
      for (let c = 0; c < count; c++) {
        const entered = start + Math.floor(rng.next() * span);
        // Competing risks: whichever exit comes first (scalars, not tuples: this runs ~10^5 times).
        let t = rng.exponential(failRate);
        let kind: ExitKind = 'closed';
        const graduate = rng.lognormal(GRADUATION_MEDIAN_YEARS, 0.45);
        if (graduate < t) {
          t = graduate;
          kind = 'graduated';
        }
        const acquired = rng.exponential(ACQUISITION_RATE);
        if (acquired < t) {
          t = acquired;
          kind = 'acquired';
        }
        const moved = rng.exponential(MOVE_RATE);
        if (moved < t) {
          t = moved;
          kind = 'moved';
        }
        let exited = entered + Math.max(1, Math.ceil(t * YEAR_DAYS));
        // Firms still in a space when it closes have to move out.
        if (exited > closedDay) {
          exited = closedDay;
          kind = 'moved';
        }
        const resident = exited > asOfDay;
        out.push({
          id: `${spaceId}-f${++k}`,
          spaceId,
          name: firmName(rng),
          enteredOn: isoOfDay(entered),
          exitedOn: resident ? null : isoOfDay(exited),
          exitKind: resident ? 'resident' : kind,
          synthetic: true,
        });
      }
    }
  });
  return out;
};
