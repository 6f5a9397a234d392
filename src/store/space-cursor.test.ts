import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './space-cursor.js';
import { StoreInputError } from './store-error.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof StoreInputError ? e.code : 'not a StoreInputError';
  }
  return undefined;
};

describe('space cursors', () => {
  it('round-trip every kind of key', () => {
    for (const c of [
      { sort: 'name', key: 'chai huo', id: 'a' },
      { sort: '-founded', key: null, id: 'b' },
      { sort: 'founded', key: 2010, id: 'c' },
      { sort: 'distance', key: 1234.5678901234, id: 'd' },
      { sort: 'id', key: null, id: '深圳-1' },
    ] as const) {
      const s = encodeCursor(c);
      expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(s, c.sort)).toEqual(c);
    }
  });

  it('reject garbage, foreign JSON, wrong keys and another sort', () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    expect(codeOf(() => decodeCursor('not a cursor!', 'name'))).toBe('cursor.invalid');
    expect(codeOf(() => decodeCursor(Buffer.from('{oops').toString('base64url'), 'name'))).toBe(
      'cursor.invalid',
    );
    expect(codeOf(() => decodeCursor(b64({ sort: 'name' }), 'name'))).toBe('cursor.invalid');
    expect(codeOf(() => decodeCursor(b64(['name', 5, 'x']), 'name'))).toBe('cursor.invalid');
    expect(codeOf(() => decodeCursor(b64(['founded', 2010.5, 'x']), 'founded'))).toBe('cursor.invalid');
    expect(codeOf(() => decodeCursor(b64(['name', 'a', '']), 'name'))).toBe('cursor.invalid');
    expect(codeOf(() => decodeCursor(encodeCursor({ sort: 'name', key: 'a', id: 'x' }), '-name'))).toBe(
      'cursor.sort_mismatch',
    );
  });
});
