// COINr `winsorise()`: while the vector fails the skew/kurtosis check and fewer than `winmax`
// points have been moved, reassign the extreme value on the side of the skew (skew ≥ 0: the
// maximum, else the minimum) to the next value inward. All points tied at the extreme move
// together, and points moved earlier move again with them, so after k rounds on the high side the
// k top points all hold the (k+1)-th highest value. The count is COINr's: the size of the last set
// moved on each side.
import { EngineError } from '../pipeline/errors.js';
import { checkSkewKurt, skew } from './moments.js';
import type { TreatOutput } from './transforms.js';

export interface WinsoriseParams {
  naRm: boolean;
  /** null = no limit. Default 5. */
  winmax: number | null;
  skewThresh: number;
  kurtThresh: number;
  /** Keep going to winmax even when the check passes. */
  forceWin: boolean;
}

export const winsorise = (x0: Float64Array, p: WinsoriseParams): TreatOutput => {
  const x = x0.slice();
  const n = x.length;
  let check = checkSkewKurt(x, p.naRm, p.skewThresh, p.kurtThresh);
  let passing = check.pass;
  let imax: number[] = [];
  let imin: number[] = [];
  let nwin = 0;
  const below = () => p.winmax === null || nwin < p.winmax;
  // R evaluates `(!passing | force_win) & below_winmax`; an NA there stops R with an error.
  const goOn = (): boolean => {
    if (p.forceWin) return below();
    if (passing === null) throw new EngineError('treat.winsorise.na', 'winsorise: skew/kurtosis undefined');
    return !passing && below();
  };
  while (goOn()) {
    // The side follows skew(x, na.rm = TRUE): the last check's skew when it also dropped NAs.
    const sk = p.naRm ? check.skew : skew(x, true);
    if (Number.isNaN(sk)) throw new EngineError('treat.winsorise.na', 'winsorise: skewness undefined');
    const high = sk >= 0;
    let ext = high ? -Infinity : Infinity;
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (!Number.isNaN(v) && (high ? v > ext : v < ext)) ext = v;
    }
    const at: number[] = [];
    let next = high ? -Infinity : Infinity;
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (v === ext) at.push(i);
      else if (!Number.isNaN(v) && (high ? v > next : v < next)) next = v;
    }
    if (!Number.isFinite(next))
      throw new EngineError('treat.winsorise.range', 'winsorise: no value left to winsorise to');
    for (const i of at) x[i] = next;
    if (high) imax = at;
    else imin = at;
    nwin = imax.length + imin.length;
    check = checkSkewKurt(x, p.naRm, p.skewThresh, p.kurtThresh);
    passing = check.pass;
  }
  const treated = new Array<string>(n).fill('');
  for (const i of imax) treated[i] = 'winhi';
  for (const i of imin) treated[i] = 'winlo';
  return { x, treated, nwin };
};
