// What a membership costs per month, so that plans billed by the day, week or year can be compared
// with a budget. The map's price ceiling, the finder's budget fit and the openness indicator all ask
// the same question: "what is the cheapest way in, per month?"
import type { MembershipPlan } from './space.js';
import type { PLAN_INTERVALS } from './taxonomy.js';

type PlanInterval = (typeof PLAN_INTERVALS)[number];

/** Working days in an average month (261 a year / 12): a day pass bought every working day. */
export const WORKING_DAYS_PER_MONTH = 21.75;

/**
 * Months per billing interval, inverted. Hourly, per-session and one-off prices are left out: they
 * buy a use of a tool or a course, not membership, and no monthly figure follows from them.
 */
const PER_MONTH: Record<PlanInterval, number | null> = {
  hour: null,
  session: null,
  once: null,
  day: WORKING_DAYS_PER_MONTH,
  week: 52 / 12,
  month: 1,
  quarter: 1 / 3,
  year: 1 / 12,
};

/** The plan's price per month, or null when its interval has no monthly equivalent. */
export const monthlyAmount = (plan: Pick<MembershipPlan, 'amount' | 'interval'>): number | null => {
  const k = PER_MONTH[plan.interval as PlanInterval];
  return k === null || k === undefined ? null : plan.amount * k;
};

/**
 * The cheapest monthly price among plans in `currency` (rounded to whole units), or null when no
 * plan has one. Plans in other currencies are ignored rather than converted: the registry keeps no
 * exchange rates, and a wrong conversion would mislead more than a missing price.
 */
export const cheapestMonthly = (
  plans: readonly Pick<MembershipPlan, 'amount' | 'interval' | 'currency'>[],
  currency = 'CNY',
): number | null => {
  let best: number | null = null;
  for (const p of plans) {
    if (p.currency !== currency) continue;
    const m = monthlyAmount(p);
    if (m !== null && (best === null || m < best)) best = m;
  }
  return best === null ? null : Math.round(best);
};
