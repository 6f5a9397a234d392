// Every view and filter lives in the query string, so any state of a page can be shared as a link.
// Lists are comma-separated (?type=fablab,hackerspace); values outside the allowed set are dropped.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type UrlValue = string | number | boolean | readonly string[] | null | undefined;

export const readList = <T extends string>(p: URLSearchParams, key: string, allowed: readonly T[]): T[] => {
  const raw = p.getAll(key).flatMap((v) => v.split(','));
  const set = new Set<string>(allowed);
  return [...new Set(raw.map((v) => v.trim()).filter((v): v is T => set.has(v)))];
};

export const readInt = (p: URLSearchParams, key: string, min: number, max: number): number | undefined => {
  const v = p.get(key);
  if (v === null || v === '' || !/^-?\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n < min || n > max ? undefined : n;
};

export const readNumber = (p: URLSearchParams, key: string, min: number, max: number): number | undefined => {
  const v = p.get(key);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
};

export const readOne = <T extends string>(
  p: URLSearchParams,
  key: string,
  allowed: readonly T[],
): T | undefined => {
  const v = p.get(key);
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
};

/** Applies `changes` to the query string: null/undefined/''/[] remove a key. */
export const withChanges = (prev: URLSearchParams, changes: Record<string, UrlValue>): URLSearchParams => {
  const next = new URLSearchParams(prev);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0)) {
      next.delete(k);
    } else if (Array.isArray(v)) next.set(k, v.join(','));
    else next.set(k, String(v));
  }
  return next;
};

export type UrlChanges = Record<string, UrlValue> | ((current: URLSearchParams) => Record<string, UrlValue>);

/**
 * The query string as it is now. The router writes the address at once but renders the new params
 * in a transition, after the page's work (a re-ranking, a map re-filter); its own "previous" params
 * are the rendered ones. Building on those, a second quick edit would undo the first.
 */
const currentParams = (rendered: URLSearchParams): URLSearchParams =>
  typeof window === 'undefined' ? rendered : new URLSearchParams(window.location.search);

/**
 * The page's query string and a setter. `push` adds a history entry (a new view); the default
 * replaces the current one (a filter tweak or a slider move should not flood the back button).
 * Changes may be a function of the current query string.
 */
export const useUrlState = (): [URLSearchParams, (changes: UrlChanges, push?: boolean) => void] => {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: UrlChanges, push = false) => {
      const current = currentParams(params);
      const next = withChanges(current, typeof changes === 'function' ? changes(current) : changes);
      setParams(next, { replace: !push, preventScrollReset: true });
    },
    [params, setParams],
  );
  return [params, update];
};
