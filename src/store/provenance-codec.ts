// Per-field provenance as stored: most records have one or two distinct stamps shared by twenty fields, so
// the column holds each stamp once and maps fields to it. `{field: {source, at, actor}}` written out in full
// was twice the size of the rest of the record and half the cost of a bulk import.
import type { Provenance } from '../domain/space.js';

interface Packed {
  stamps: [source: string, at: string, actor: string][];
  fields: Record<string, number>;
}

const isPacked = (v: unknown): v is Packed =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as Packed).stamps) &&
  typeof (v as Packed).fields === 'object';

/** JSON text of field names: the same thirty-odd names are written for every row. */
const keyText = new Map<string, string>();
const KEY_TEXT_MAX = 1000;
const jsonKey = (field: string): string => {
  let text = keyText.get(field);
  if (text === undefined) {
    text = JSON.stringify(field);
    if (keyText.size < KEY_TEXT_MAX) keyText.set(field, text);
  }
  return text;
};

/**
 * The packed JSON text, byte for byte what `JSON.stringify({stamps, fields})` gives, written out
 * directly: building the two objects first and stringifying them cost half a second per 100,000
 * rows, mostly in garbage.
 */
export const packProvenance = (p: Record<string, Provenance>): string => {
  let stamps = '';
  let fields = '';
  let count = 0;
  // Fields stamped by one write usually share one object: compare with the last one first, then
  // look the object up, and the text key last.
  let last: Provenance | undefined;
  let lastIndex = 0;
  let byObject: Map<Provenance, number> | undefined;
  let byText: Map<string, number> | undefined;
  for (const field in p) {
    const stamp = p[field]!;
    let i: number | undefined = last !== undefined && stamp === last ? lastIndex : byObject?.get(stamp);
    if (i === undefined) {
      const key = `${stamp.source}\u0000${stamp.at}\u0000${stamp.actor}`;
      i = byText?.get(key);
      if (i === undefined) {
        i = count++;
        stamps += `${i ? ',' : ''}${JSON.stringify([stamp.source, stamp.at, stamp.actor])}`;
        (byText ??= new Map()).set(key, i);
      }
      (byObject ??= new Map()).set(stamp, i);
    }
    last = stamp;
    lastIndex = i;
    fields += `${fields ? ',' : ''}${jsonKey(field)}:${i}`;
  }
  return `{"stamps":[${stamps}],"fields":{${fields}}}`;
};

/** Reads the packed form, or the plain map (rows written before packing). */
export const unpackProvenance = (stored: unknown): Record<string, Provenance> => {
  if (!isPacked(stored)) return (stored ?? {}) as Record<string, Provenance>;
  const stamps = stored.stamps.map(([source, at, actor]) => ({ source, at, actor }));
  const out: Record<string, Provenance> = {};
  for (const [field, i] of Object.entries(stored.fields)) {
    const stamp = stamps[i];
    if (stamp) out[field] = { ...stamp };
  }
  return out;
};
