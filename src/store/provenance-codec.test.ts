import { describe, expect, it } from 'vitest';
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

  it('reads the plain map written by older rows, and empty values', () => {
    expect(unpackProvenance({ nameZh: a })).toEqual({ nameZh: a });
    expect(unpackProvenance(null)).toEqual({});
    expect(unpackProvenance(JSON.parse(packProvenance({})))).toEqual({});
  });
});
