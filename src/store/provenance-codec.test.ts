import { describe, expect, it } from 'vitest';
import type { Provenance } from '../domain/space.js';
import { packProvenance, unpackProvenance } from './provenance-codec.js';

describe('provenance packing', () => {
  const a = { source: 'csv:a.csv', at: '2026-01-01T00:00:00.000Z', actor: 'ann' };
  const b = { source: 'api', at: '2026-02-01T00:00:00.000Z', actor: 'bo' };

  it('round-trips and stores each stamp once', () => {
    const p = { nameZh: a, type: a, lat: b, 'profile.members': a };
    const packed = packProvenance(p);
    expect(unpackProvenance(JSON.parse(packed))).toEqual(p);
    expect(packed.split('csv:a.csv').length - 1).toBe(1);
  });

  it('writes exactly the JSON of {stamps, fields}: each distinct stamp once, in first-use order', () => {
    // The straightforward form the packer must match byte for byte.
    const reference = (p: Record<string, Provenance>): string => {
      const stamps: string[][] = [];
      const fields: Record<string, number> = {};
      for (const [field, s] of Object.entries(p)) {
        let i = stamps.findIndex(([x, y, z]) => x === s.source && y === s.at && z === s.actor);
        if (i < 0) i = stamps.push([s.source, s.at, s.actor]) - 1;
        fields[field] = i;
      }
      return JSON.stringify({ stamps, fields });
    };
    const odd = { source: 'json:"q".json', at: a.at, actor: 'z\u00fc\n' };
    const cases: Record<string, Provenance>[] = [
      {},
      { nameZh: a },
      { nameZh: a, type: b, lat: { ...a }, 'profile.say "hi"': odd, '7': b, city: a },
      { 'profile.\u2028': odd, nameEn: odd, lon: b },
    ];
    for (const p of cases) expect(packProvenance(p)).toBe(reference(p));
  });

  it('reads the plain map written by older rows, and empty values', () => {
    expect(unpackProvenance({ nameZh: a })).toEqual({ nameZh: a });
    expect(unpackProvenance(null)).toEqual({});
    expect(unpackProvenance(JSON.parse(packProvenance({})))).toEqual({});
  });
});
