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

export const packProvenance = (p: Record<string, Provenance>): string => {
  const stamps: Packed['stamps'] = [];
  // Fields stamped by one write usually share one object: look that up first, the text key second.
  const byObject = new Map<Provenance, number>();
  const byText = new Map<string, number>();
  const fields: Record<string, number> = {};
  for (const field in p) {
    const stamp = p[field]!;
    let i = byObject.get(stamp);
    if (i === undefined) {
      const key = `${stamp.source}\u0000${stamp.at}\u0000${stamp.actor}`;
      i = byText.get(key);
      if (i === undefined) {
        i = stamps.push([stamp.source, stamp.at, stamp.actor]) - 1;
        byText.set(key, i);
      }
      byObject.set(stamp, i);
    }
    fields[field] = i;
  }
  return JSON.stringify({ stamps, fields } satisfies Packed);
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
