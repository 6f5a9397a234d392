// Opening hours (OpenStreetMap syntax) read with the `opening_hours` package: is the space open now,
// when does that change, and what does a week look like. The question is asked in the space's own
// time: opening_hours reads a Date's local fields, so "now" is rebuilt as the wall-clock time there.
import type { opening_hours as OpeningHoursClass } from 'opening_hours';

type OpeningHours = OpeningHoursClass;

/** Time zone of a country's spaces where the country has one; others use the reader's zone. */
const ZONES: Record<string, string> = {
  CN: 'Asia/Shanghai',
  HK: 'Asia/Hong_Kong',
  MO: 'Asia/Macau',
  TW: 'Asia/Taipei',
  SG: 'Asia/Singapore',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  GB: 'Europe/London',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  AT: 'Europe/Vienna',
  NL: 'Europe/Amsterdam',
  IT: 'Europe/Rome',
  ES: 'Europe/Madrid',
};

export const zoneOf = (country: string): string | undefined => ZONES[country];

/** A Date whose local fields show the wall-clock time in `timeZone` at instant `at`. */
export const wallClock = (at: Date, timeZone: string | undefined): Date => {
  if (!timeZone) return new Date(at);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
};

export interface OpenState {
  state: 'open' | 'closed' | 'unknown';
  /** Next change, in the space's wall-clock time. */
  next: Date | undefined;
  comment: string | undefined;
}

export const openState = (oh: OpeningHours, localNow: Date): OpenState => {
  const s = oh.getStateString(localNow, true);
  return {
    state: s === 'open' ? 'open' : s === 'unknown' ? 'unknown' : 'closed',
    next: oh.getNextChange(localNow),
    comment: oh.getComment(localNow),
  };
};

export interface DayHours {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** "09:00–18:00" pieces; empty when closed all day. */
  intervals: string[];
}

const hm = (d: Date): string =>
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** The seven days from the Monday of `localNow`'s week, with their open intervals. */
export const weekHours = (oh: OpeningHours, localNow: Date): DayHours[] => {
  const monday = new Date(localNow.getFullYear(), localNow.getMonth(), localNow.getDate());
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return Array.from({ length: 7 }, (_, k) => {
    const from = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + k);
    const to = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + k + 1);
    const intervals = oh
      .getOpenIntervals(from, to)
      .filter(([, , unknown]) => !unknown)
      .map(([a, b]) => {
        const end = b.getTime() >= to.getTime() ? '24:00' : hm(b);
        return `${hm(a)}–${end}`;
      });
    return { weekday: k, intervals };
  });
};

/** Parses the value; null (with the reason) when it is not valid syntax. */
export const parseOpeningHours = async (
  value: string,
  country: string,
): Promise<{ oh: OpeningHours } | { error: string }> => {
  const { default: OH } = await import('opening_hours');
  try {
    // The address lets the package know the country's public holidays ("PH" rules).
    const oh = new OH(
      value,
      { lat: 0, lon: 0, address: { country_code: country.toLowerCase(), state: '' } },
      0,
    );
    return { oh };
  } catch (e) {
    return { error: String(e).split('\n')[0] ?? String(e) };
  }
};
