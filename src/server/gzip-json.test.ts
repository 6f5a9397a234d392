import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipJson } from './gzip-json.js';

const roundTrip = async (value: Record<string, unknown>) =>
  gunzipSync(await gzipJson(value)).toString('utf8');

describe('gzipJson', () => {
  it('compresses exactly the text JSON.stringify gives', async () => {
    const value = {
      total: 3,
      latestYear: null,
      skipped: undefined,
      fn: () => 1,
      points: {
        id: ['a', 'b', 'c'],
        nameZh: ['柴火创客空间', null, '新车间 "引号"'],
        lon: [113.9, -0.12345, 1e-7],
        nested: { empty: {}, list: [], at: new Date('2020-01-02T03:04:05Z') },
      },
      'key "quoted"': [{ a: 1 }, [2, 3]],
      last: 'é\u2028\n',
    };
    expect(await roundTrip(value)).toBe(JSON.stringify(value));
  });

  it('handles an empty object and a large column', async () => {
    expect(await roundTrip({})).toBe('{}');
    const big = { points: { id: Array.from({ length: 200_000 }, (_, i) => `space-${i}`) } };
    expect(await roundTrip(big)).toBe(JSON.stringify(big));
  });
});
