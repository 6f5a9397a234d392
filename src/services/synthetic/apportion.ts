// Integer apportionment with exact totals. The synthetic sample must hit published national figures
// exactly (space counts) or within rounding (report sums), so every split of a total into integer
// parts goes through the largest-remainder (Hamilton) method: floor each quota, then hand the
// leftover units to the largest fractional parts. Ties go to the lower index, so results are stable.

/**
 * Scratch buffers reused across calls: the report generator makes ~100 calls over ~10^4 parts per
 * sample, and fresh typed arrays each time cost more in garbage collection than in arithmetic.
 * Safe because every function here runs to completion synchronously.
 */
const scratch: Float64Array[] = [];
const buffer = (slot: number, n: number): Float64Array => {
  let b = scratch[slot];
  if (!b || b.length < n) {
    b = new Float64Array(Math.max(n, 1024));
    scratch[slot] = b;
  }
  return b.subarray(0, n);
};
const S_FRAC = 0;
const S_SORT = 1;
const S_MIN = 2;
const S_ROOM = 3;
const S_WEIGHT = 4;
const S_EXACT = 5;
const S_FLOOR = 6;
const S_SAT = 7;

const checkTotal = (total: number, what: string): void => {
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError(`${what}: total must be a non-negative integer, got ${total}`);
};

/**
 * Distributes the leftover units of `floors` (sum short of `total`) by largest fractional part, ties
 * to the lower index. Finds the cut-off fraction with a native numeric sort (no comparator: this runs
 * ~100 times over ~10^4 parts per sample) instead of sorting indices.
 */
const handOutRemainder = (
  exact: Float64Array,
  floors: Float64Array,
  total: number,
  room?: Float64Array,
): void => {
  const n = exact.length;
  let given = 0;
  for (let i = 0; i < n; i++) given += floors[i] as number;
  let left = Math.round(total - given);
  if (left <= 0) return;
  const frac = buffer(S_FRAC, n);
  let eligible = 0;
  for (let i = 0; i < n; i++) {
    const open = room === undefined || (floors[i] as number) < (room[i] as number);
    frac[i] = open ? (exact[i] as number) - (floors[i] as number) : -1;
    if (open) eligible++;
  }
  if (eligible < left)
    throw new RangeError(`apportionment: ${left - eligible} units could not be placed under the caps`);
  const sorted = buffer(S_SORT, n);
  sorted.set(frac);
  sorted.sort();
  const cut = sorted[n - left] as number;
  for (let i = 0; i < n; i++) {
    if ((frac[i] as number) > cut) {
      floors[i] = (floors[i] as number) + 1;
      left--;
    }
  }
  for (let i = 0; i < n && left > 0; i++) {
    if (frac[i] === cut) {
      floors[i] = (floors[i] as number) + 1;
      left--;
    }
  }
};

/**
 * Splits `total` into integers proportional to `weights` (largest remainder). The parts sum to
 * `total` exactly; a zero weight gets zero.
 */
export const largestRemainder = (total: number, weights: readonly number[]): number[] => {
  checkTotal(total, 'largestRemainder');
  let sum = 0;
  for (const [i, w] of weights.entries()) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`largestRemainder: weight ${i} is ${w}`);
    sum += w;
  }
  if (total === 0) return weights.map(() => 0);
  if (sum === 0) throw new RangeError('largestRemainder: all weights are zero but the total is not');
  const exact = Float64Array.from(weights, (w) => (total * w) / sum);
  const floors = exact.map(Math.floor);
  handOutRemainder(exact, floors, total);
  return Array.from(floors);
};

export interface ScaleOptions {
  /** Lower bound per part (a number for all parts). Default 0. */
  min?: number | ArrayLike<number>;
  /** Upper bound per part, e.g. "fresh graduates ≤ jobs". Default none. */
  cap?: ArrayLike<number>;
}

/**
 * Integer parts proportional to `raw` that sum to `total` exactly while each part stays within
 * [min, cap]: the "scale after drawing" step of the synthetic reports. Parts above their minimum are
 * scaled by one common factor (water-filling: parts that would pass their cap are held at it and the
 * factor is raised for the rest), then rounded by largest remainder.
 */
export const scaleToTotal = (raw: ArrayLike<number>, total: number, opts: ScaleOptions = {}): number[] => {
  checkTotal(total, 'scaleToTotal');
  const n = raw.length;
  const min = buffer(S_MIN, n);
  const room = buffer(S_ROOM, n);
  const weight = buffer(S_WEIGHT, n);
  let rest = total;
  let roomSum = 0;
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    const lo = typeof opts.min === 'number' ? opts.min : ((opts.min?.[i] ?? 0) as number);
    const cap = opts.cap === undefined ? Infinity : (opts.cap[i] as number);
    const r = raw[i] as number;
    if (!(r >= 0) || !Number.isFinite(r)) throw new RangeError(`scaleToTotal: raw value ${i} is ${r}`);
    min[i] = lo;
    room[i] = Math.max(0, Math.floor(cap) - lo);
    weight[i] = (room[i] as number) > 0 ? r : 0;
    rest -= lo;
    roomSum += room[i] as number;
    weightSum += weight[i] as number;
  }
  if (rest < 0) throw new RangeError(`scaleToTotal: the minimums already exceed the total ${total}`);
  if (roomSum < rest)
    throw new RangeError(`scaleToTotal: the caps allow at most ${roomSum + total - rest}, below ${total}`);
  // Nothing to scale (all raw zero where there is room): spread evenly over the parts with room.
  if (rest > 0 && weightSum === 0) for (let i = 0; i < n; i++) weight[i] = (room[i] as number) > 0 ? 1 : 0;
  const exact = buffer(S_EXACT, n);
  const saturated = buffer(S_SAT, n).fill(0);
  for (;;) {
    let free = rest;
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (saturated[i]) free -= room[i] as number;
      else w += weight[i] as number;
    }
    const k = w > 0 ? free / w : 0;
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (saturated[i]) continue;
      if (k * (weight[i] as number) > (room[i] as number)) {
        saturated[i] = 1;
        changed = true;
      }
    }
    if (!changed) {
      for (let i = 0; i < n; i++) exact[i] = saturated[i] ? (room[i] as number) : k * (weight[i] as number);
      break;
    }
  }
  const floors = buffer(S_FLOOR, n);
  for (let i = 0; i < n; i++) floors[i] = Math.floor(exact[i] as number);
  handOutRemainder(exact, floors, rest, room);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = (floors[i] as number) + (min[i] as number);
  return out;
};
