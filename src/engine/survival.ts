// Kaplan–Meier survival from follow-up times with right censoring, so a space's survival rate is
// measured from its cohort of incubated firms rather than declared (seed study §4.3). Pure: callers
// turn dates into durations (any unit, e.g. years) and say which durations ended in a failure.

/** One step of the survival curve: at `time`, `events` failures among `atRisk` firms. */
export interface KmStep {
  time: number;
  atRisk: number;
  events: number;
  /** Censored at this time (counted at risk here, gone afterwards). */
  censored: number;
  /** S(t) just after this time. */
  survival: number;
  /** Greenwood standard error of `survival` (NaN once survival reaches 0). */
  stdErr: number;
}

export interface KmCurve {
  /** Distinct observed times (failures or censorings), ascending. */
  steps: KmStep[];
  /** Number of observations used (finite, non-negative durations). */
  n: number;
  events: number;
  /** Longest follow-up observed: beyond it the curve is not estimated. */
  maxTime: number;
}

/**
 * The Kaplan–Meier estimator: S(t) = Π over failure times t_i ≤ t of (1 − d_i / n_i), with n_i the
 * firms still followed just before t_i. At a time where failures and censorings tie, the censored
 * firms count as at risk (the usual convention: censoring happens just after). Durations that are
 * negative or not finite are ignored (the caller reports them).
 */
export const kaplanMeier = (durations: ArrayLike<number>, failed: ArrayLike<boolean | number>): KmCurve => {
  if (durations.length !== failed.length) {
    throw new RangeError(`kaplanMeier: ${durations.length} durations but ${failed.length} event flags`);
  }
  const idx: number[] = [];
  for (let i = 0; i < durations.length; i++) {
    const t = durations[i] as number;
    if (Number.isFinite(t) && t >= 0) idx.push(i);
  }
  idx.sort((a, b) => (durations[a] as number) - (durations[b] as number));
  const steps: KmStep[] = [];
  let atRisk = idx.length;
  let survival = 1;
  // Greenwood: Var(S) = S² Σ d / (n (n − d)).
  let greenwood = 0;
  let totalEvents = 0;
  for (let k = 0; k < idx.length;) {
    const time = durations[idx[k] as number] as number;
    let events = 0;
    let censored = 0;
    while (k < idx.length && durations[idx[k] as number] === time) {
      if (failed[idx[k] as number]) events++;
      else censored++;
      k++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood += atRisk > events ? events / (atRisk * (atRisk - events)) : Number.NaN;
      totalEvents += events;
    }
    steps.push({
      time,
      atRisk,
      events,
      censored,
      survival,
      stdErr: survival > 0 ? survival * Math.sqrt(greenwood) : Number.NaN,
    });
    atRisk -= events + censored;
  }
  const last = idx[idx.length - 1];
  return {
    steps,
    n: idx.length,
    events: totalEvents,
    maxTime: last === undefined ? Number.NaN : (durations[last] as number),
  };
};

/**
 * S(t) from a curve: the survival after the last step at or before `t` (1 before the first
 * failure). NaN when nobody was followed up to `t` (t beyond the longest follow-up), because the
 * estimator says nothing there, and for an empty curve.
 */
export const survivalAt = (curve: KmCurve, t: number): number => {
  if (curve.n === 0 || !(t <= curve.maxTime)) return Number.NaN;
  let s = 1;
  for (const step of curve.steps) {
    if (step.time > t) break;
    s = step.survival;
  }
  return s;
};
