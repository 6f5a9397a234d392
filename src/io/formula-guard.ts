// CSV injection: a spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return
// before one) as a formula. Exports prefix such text with one apostrophe, which spreadsheets show
// as text; the CSV importer removes exactly that prefix so an export still round-trips.
// Text that itself starts with an apostrophe gets one too, so the importer can tell them apart.

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
/** Plain numbers such as -33.9 are not formulas; leaving them alone keeps numeric cells numeric. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const isFormulaLike = (s: string): boolean => s.length > 0 && TRIGGERS.has(s[0]!) && !NUMBER.test(s);

export const guardCell = (s: string): string => (isFormulaLike(s) || s.startsWith("'") ? `'${s}` : s);

/** Undoes `guardCell`: strips one apostrophe only where the exporter would have added it. */
export const unguardCell = (s: string): string =>
  s.startsWith("'") && (isFormulaLike(s.slice(1)) || s[1] === "'") ? s.slice(1) : s;
