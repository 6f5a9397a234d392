// Lists inside one spreadsheet cell: items separated by ';', parts of an item by '|'. A backslash
// escapes either separator and itself, so names and URLs containing ';' or '|' survive a round trip.

const SPECIAL = /[\\;|]/g;

export const escapePart = (s: string): string => s.replace(SPECIAL, (c) => `\\${c}`);

/** Splits on unescaped `sep`, keeping escapes in the pieces (so a second split can still see them). */
export const splitEscaped = (s: string, sep: ';' | '|'): string[] => {
  if (!s.includes('\\')) return s.split(sep);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === sep) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
};

export const unescapePart = (s: string): string => (s.includes('\\') ? s.replace(/\\(.)/gs, '$1') : s);

/** `a;b\;c` → ['a', 'b;c']; an empty cell is an empty list. */
export const splitList = (cell: string): string[] =>
  cell === '' ? [] : splitEscaped(cell, ';').map(unescapePart);

/** `x|y;z|w` → [['x','y'],['z','w']]. */
export const splitItems = (cell: string): string[][] =>
  cell === '' ? [] : splitEscaped(cell, ';').map((item) => splitEscaped(item, '|').map(unescapePart));

export const joinList = (items: readonly string[]): string => items.map(escapePart).join(';');

export const joinItems = (items: readonly (readonly string[])[]): string =>
  items.map((parts) => parts.map(escapePart).join('|')).join(';');
