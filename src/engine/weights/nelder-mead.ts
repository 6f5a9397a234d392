// Derivative-free minimisation by the Nelder–Mead simplex, in the variant of J. C. Nash's "Compact
// Numerical Methods" that R's optim() uses by default (and therefore COINr's get_opt_weights):
// reflection 1, contraction 0.5, expansion 2, a contraction tried after every non-expanding step,
// a shrink towards the best point when that fails, and the relative stopping rule
// f(worst) ≤ f(best) + reltol · (|f(start)| + reltol).

export interface NelderMeadOptions {
  /** Relative convergence tolerance. Default 1e-8 (R's default; COINr passes 0.1). */
  reltol?: number;
  /** Maximum number of function evaluations. Default 500. */
  maxit?: number;
}

export interface NelderMeadResult {
  par: Float64Array;
  value: number;
  /** Function evaluations used. */
  evaluations: number;
  /** 0: converged; 1: maxit reached; 10: the simplex stopped shrinking. As R's optim codes. */
  convergence: 0 | 1 | 10;
}

const ALPHA = 1;
const BETA = 0.5;
const GAMMA = 2;
const BIG = 1.0e35;

/** Minimises `fn` from `start`. Non-finite function values count as a very large number. */
export const nelderMead = (
  fn: (x: Float64Array) => number,
  start: ArrayLike<number>,
  opts: NelderMeadOptions = {},
): NelderMeadResult => {
  const { reltol = 1e-8, maxit = 500 } = opts;
  const n = start.length;
  if (n === 0) throw new Error('Nelder–Mead needs at least one parameter');
  let evaluations = 0;
  const f = (x: Float64Array): number => {
    evaluations++;
    const v = fn(x);
    return Number.isFinite(v) ? v : BIG;
  };
  const x0 = Float64Array.from(start);
  const f0 = f(x0);
  if (maxit <= 0) return { par: x0, value: f0, evaluations, convergence: 0 };
  const convtol = reltol * (Math.abs(f0) + reltol);

  // Initial simplex: the start and one step along each axis, the step 10% of the largest coordinate.
  let step = 0;
  for (const v of x0) step = Math.max(step, 0.1 * Math.abs(v));
  if (step === 0) step = 0.1;
  const pts: Float64Array[] = [x0];
  const vals: number[] = [f0];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    p[i] = (p[i] as number) + step;
    pts.push(p);
    vals.push(f(p));
  }
  let oldSize = n * step;
  let convergence: 0 | 1 | 10 = 1;

  while (evaluations <= maxit) {
    let lo = 0;
    let hi = 0;
    for (let j = 1; j <= n; j++) {
      if ((vals[j] as number) < (vals[lo] as number)) lo = j;
      if ((vals[j] as number) > (vals[hi] as number)) hi = j;
    }
    const vLo = vals[lo] as number;
    const vHi = vals[hi] as number;
    if (vHi <= vLo + convtol) {
      convergence = 0;
      break;
    }
    const centroid = new Float64Array(n);
    for (let j = 0; j <= n; j++) {
      if (j === hi) continue;
      for (let i = 0; i < n; i++)
        centroid[i] = (centroid[i] as number) + ((pts[j] as Float64Array)[i] as number) / n;
    }
    const worst = pts[hi] as Float64Array;
    const refl = centroid.map((c, i) => (1 + ALPHA) * c - ALPHA * (worst[i] as number));
    const vRefl = f(refl);
    if (vRefl < vLo) {
      const exp = refl.map((r, i) => GAMMA * r + (1 - GAMMA) * (centroid[i] as number));
      const vExp = f(exp);
      if (vExp < vRefl) {
        pts[hi] = exp;
        vals[hi] = vExp;
      } else {
        pts[hi] = refl;
        vals[hi] = vRefl;
      }
      continue;
    }
    if (vRefl < vHi) {
      pts[hi] = refl;
      vals[hi] = vRefl;
    }
    const cur = pts[hi] as Float64Array;
    const contr = cur.map((v, i) => (1 - BETA) * v + BETA * (centroid[i] as number));
    const vContr = f(contr);
    if (vContr < (vals[hi] as number)) {
      pts[hi] = contr;
      vals[hi] = vContr;
    } else if (vRefl >= vHi) {
      // Shrink every point halfway towards the best one.
      const best = pts[lo] as Float64Array;
      let size = 0;
      for (let j = 0; j <= n; j++) {
        if (j === lo) continue;
        const p = pts[j] as Float64Array;
        for (let i = 0; i < n; i++) {
          p[i] = BETA * ((p[i] as number) - (best[i] as number)) + (best[i] as number);
          size += Math.abs((p[i] as number) - (best[i] as number));
        }
        vals[j] = f(p);
      }
      if (size < oldSize) oldSize = size;
      else {
        convergence = 10;
        break;
      }
    }
  }
  let best = 0;
  for (let j = 1; j <= n; j++) if ((vals[j] as number) < (vals[best] as number)) best = j;
  return { par: pts[best] as Float64Array, value: vals[best] as number, evaluations, convergence };
};
