// Reading the free-text answers of the Nesta UK makerspace survey (2015): dates, fees, tools and
// legal structure. Heuristics, each tested against the published file; the raw answers are kept in
// the profile beside what we derive, so nothing is lost when a heuristic misses.
import type { MembershipPlan, SpaceInput } from '../domain/space.js';
import type { EquipmentCategory } from '../domain/taxonomy.js';
import { parseNumberCell } from './space-columns.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** dd/mm/yyyy (the survey's UK dates) → YYYY-MM-DD, or undefined. */
export const ukDate = (s: string): string | undefined => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), m[3]!];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** The survey timestamp, dd-Mon-yy (e.g. 11-Jan-15) → YYYY-MM-DD. */
export const surveyDate = (s: string): string | undefined => {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{2})$/.exec(s.trim());
  const mo = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  if (!m || mo < 0) return undefined;
  return `20${m[3]}-${String(mo + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
};

/**
 * Excel turned answers such as "10-20" into dates shown as "Oct-20" (and "3-8" into "03-Aug").
 * Undo that for the monthly-cost answers: "Oct-20" → "10-20", "03-Aug" → "3-8".
 */
export const undoExcelMonth = (s: string): string => {
  const t = s.trim();
  let m = /^([A-Za-z]{3})-(\d{1,2})$/.exec(t);
  if (m && MONTHS.includes(m[1]!.toLowerCase()))
    return `${MONTHS.indexOf(m[1]!.toLowerCase()) + 1}-${Number(m[2])}`;
  m = /^(\d{1,2})-([A-Za-z]{3})$/.exec(t);
  if (m && MONTHS.includes(m[2]!.toLowerCase()))
    return `${Number(m[1])}-${MONTHS.indexOf(m[2]!.toLowerCase()) + 1}`;
  return t;
};

/** Opening, closing and survey dates → status and dates. A closing date before a later opening is a reopening. */
export const nestaStatus = (
  opened: string | undefined,
  closed: string | undefined,
  ifClosed: string,
  asOf: string | undefined,
): { status: SpaceInput['status']; foundedOn?: string; closedOn?: string } => {
  const base = opened ? { foundedOn: opened } : {};
  if (closed && (!opened || closed >= opened)) return { status: 'closed', ...base, closedOn: closed };
  if (opened && asOf && opened > asOf) return { status: 'planned', ...base };
  if (!opened && /\bplanned\b/i.test(ifClosed)) return { status: 'planned' };
  return { status: 'active', ...base };
};

const INTERVAL_WORDS: [RegExp, MembershipPlan['interval']][] = [
  [/^(month|mth|pcm|p\/?m)$/i, 'month'],
  [/^(year|yr|annum|annual)$/i, 'year'],
  [/^(week|wk)$/i, 'week'],
  [/^day$/i, 'day'],
  [/^(hour|hr)$/i, 'hour'],
  [/^(night|session|evening)$/i, 'session'],
];

// "£40 per month", "£45 /mth", "£20 PCM", "£4 a night", "£80 per year", "£25.00/month"
const FEE =
  /£\s?(\d+(?:\.\d{1,2})?)\s*(?:\+\s*VAT\s*)?(?:\/|per|a|an|each)?\s*(month|mth|pcm|p\/?m|year|yr|annum|annual|week|wk|day|hour|hr|night|session|evening)\b/gi;

/** Membership plans in GBP from the fees answer, one per amount and interval; the label before "£" names it. */
export const nestaPlans = (fees: string): MembershipPlan[] => {
  const plans: MembershipPlan[] = [];
  const seen = new Set<string>();
  for (const line of fees.split(/\r\n|\r|\n/)) {
    for (const m of line.matchAll(FEE)) {
      const amount = Number(m[1]);
      const interval = INTERVAL_WORDS.find(([re]) => re.test(m[2]!))?.[1];
      if (!interval || !Number.isFinite(amount)) continue;
      const key = `${amount}/${interval}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const label = line
        .slice(0, m.index)
        .replace(/[\s:=\-–(]+$/u, '')
        .trim();
      // A short label such as "Workshop Membership:" names the plan; a sentence or another price does not.
      const name = label.length >= 2 && label.length <= 40 && !/[.!?,£]/.test(label) ? label : 'Membership';
      plans.push({ name, amount, currency: 'GBP', interval });
    }
  }
  return plans.slice(0, 50);
};

/** A plan from the "cost per month" answer when it is a plain number. */
export const monthlyCostPlan = (s: string): MembershipPlan | undefined => {
  const n = parseNumberCell(s.trim());
  return n === undefined || n < 0
    ? undefined
    : { name: 'Monthly fee', amount: n, currency: 'GBP', interval: 'month' };
};

const NEGATIVE = /^(no|none|nope|not really|n\/?a|nothing|not yet|tbc|-|\?|meh)[.!]?$/i;

/** Tool columns whose plain "yes, we have some" answers mean the category. */
const CATEGORY_COLUMNS: [string, EquipmentCategory][] = [
  ['Woodwork', 'woodwork'],
  ['Metalwork', 'metalwork'],
  ['Fine metalwork (e.g. jewellery)', 'metalwork'],
  ['Fabrics', 'textiles'],
  ['Electronics', 'electronics'],
  ['Computing', 'computers'],
];

/** Machines named anywhere in the tool answers. */
const KEYWORDS: [RegExp, EquipmentCategory][] = [
  [/3\s?d\s?print|makerbot|ultimaker|reprap|prusa|formlabs/i, '3d_printing'],
  [/laser/i, 'laser_cutting'],
  [/\bcnc\b|shopbot|\bmill(s|ing)?\b/i, 'cnc'],
  [/solder|oscilloscope|multimeter|\bpcb\b/i, 'electronics'],
  [/wood\s?lathe|table\s?saw|band\s?saw|planer|mitre\s?saw|router table/i, 'woodwork'],
  [/metal\s?lathe|anvil|forge|sheet bender|guillotine/i, 'metalwork'],
  [/weld/i, 'welding'],
  [/sewing|knitting|embroider|overlocker/i, 'textiles'],
  [/kiln|potter|ceramic|\bclay\b/i, 'ceramics'],
  [/screen\s?print|letterpress|heat press|etching press|printing press/i, 'print_media'],
  [/camera|photo studio|darkroom|green\s?screen|video/i, 'photo_video'],
  [/vinyl\s?cutter|vinyl cutting/i, 'vinyl_cutting'],
  [/microscope|autoclave|centrifuge|\bpcr\b|incubator|fume (cupboard|hood)/i, 'biolab'],
];

export const NESTA_TOOL_COLUMNS = [
  'Tools and equipment (unsorted list)',
  'General workshop equipment',
  'General Hand tools (manual)',
  'General Hand tools (powered)',
  'General workshop (bench mounted/freestanding tools)',
  'Woodwork',
  'Metalwork',
  'Fine metalwork (e.g. jewellery)',
  'Fabrics',
  'Ceramics',
  'Plastics',
  'Glass',
  'Painting and graphic arts',
  'Print making',
  'Photography and film making',
  'Science, Synthetic Bio, Chemistry',
  'Computing',
  'Digital fabrication',
  'Electronics',
  'Audio and music',
  'Sculpture',
  'Construction and architecture',
  'Display',
  'Project documentation',
] as const;

/** Our equipment categories from the tool answers (column answers + machine names). */
export const nestaEquipment = (get: (column: string) => string): EquipmentCategory[] => {
  const found = new Set<EquipmentCategory>();
  for (const [col, cat] of CATEGORY_COLUMNS) {
    const v = get(col).trim();
    if (v && !NEGATIVE.test(v)) found.add(cat);
  }
  const all = NESTA_TOOL_COLUMNS.map(get).join('\n');
  for (const [re, cat] of KEYWORDS) if (re.test(all)) found.add(cat);
  return [...found].sort();
};

/** The survey's legal-structure answer → our legal form. */
export const nestaLegalForm = (s: string): SpaceInput['legalForm'] => {
  const t = s.toLowerCase();
  if (!t.trim()) return null;
  if (/universit|academic|he institution/.test(t)) return 'university';
  if (/charit|not for profit|non-profit|\bcic\b|community (benefit|interest)|social enterprise/.test(t))
    return 'nonprofit';
  if (/unincorporated|informal|club|association/.test(t)) return 'association';
  if (/company limited|for profit|\bltd\b/.test(t)) return 'company';
  return 'other';
};
