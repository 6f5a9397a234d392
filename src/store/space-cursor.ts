// Opaque keyset cursors: base64url of [sort, key of the last row, id of the last row]. The id breaks
// ties, so pages neither repeat nor skip rows however many share a key.
import type { SpaceSort } from './space-filter.js';
import { StoreInputError } from './store-error.js';

export type CursorKey = string | number | null;

export interface Cursor {
  sort: SpaceSort;
  key: CursorKey;
  id: string;
}

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.sort, c.key, c.id]), 'utf8').toString('base64url');

const validKey = (sort: SpaceSort, key: unknown): key is CursorKey => {
  switch (sort) {
    case 'name':
    case '-name':
    case 'updated':
    case '-updated':
      return typeof key === 'string';
    case 'founded':
    case '-founded':
      return key === null || Number.isInteger(key);
    case 'distance':
      return typeof key === 'number' && Number.isFinite(key) && key >= 0;
    case 'id':
      return key === null;
  }
};

const bad = (why: string) =>
  new StoreInputError(
    'cursor.invalid',
    `cursor: ${why}; pass the \`next\` of the previous page unchanged`,
    '/cursor',
  );

/** Reads a cursor made by encodeCursor for the same sort; anything else is a StoreInputError. */
export const decodeCursor = (cursor: string, sort: SpaceSort): Cursor => {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad('not a base64url string');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a cursor issued by this API');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw bad('not a cursor issued by this API');
  const [cursorSort, key, id] = parsed as unknown[];
  if (cursorSort !== sort) {
    throw new StoreInputError(
      'cursor.sort_mismatch',
      `cursor: it continues sort=${String(cursorSort)}, but sort=${sort} was asked for`,
      '/cursor',
    );
  }
  if (typeof id !== 'string' || id === '') throw bad('it names no row');
  if (!validKey(sort, key)) throw bad(`its key does not fit sort=${sort}`);
  return { sort, key, id };
};
