// Fetches every endpoint of the SpaceAPI directory with an injected `fetch` (tests serve documents
// from a local HTTP server), a bounded number at a time, each with a deadline and a size cap, and
// reports per endpoint what happened. Nothing here throws for a bad endpoint.
import type { InputIssue } from '../domain/issue.js';
import type { ImportedRecord } from './import-types.js';
import { parseJsonText } from './json-text.js';
import { spaceApiToRecord, type DirectoryEntry } from './parse-spaceapi.js';

/** The slice of the WHATWG fetch API the crawler needs. */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<{ ok: boolean; status: number; body: ReadableStream<Uint8Array> | null }>;

export const CRAWL_STATUSES = [
  'ok',
  'http_error',
  'timeout',
  'network_error',
  'too_large',
  'invalid_json',
  'invalid_document',
] as const;
export type CrawlStatus = (typeof CRAWL_STATUSES)[number];

export interface CrawlResult {
  name: string;
  url: string;
  status: CrawlStatus;
  httpStatus?: number;
  /** What went wrong, in plain words (absent when ok). */
  message?: string;
  records: ImportedRecord[];
  issues: InputIssue[];
  ms: number;
}

export interface CrawlOptions {
  fetch: FetchLike;
  /** Endpoints fetched at once (default 8). */
  concurrency?: number;
  /** Deadline per endpoint, headers and body included (default 10 s). */
  timeoutMs?: number;
  /** Largest document accepted (default 1 MiB; real documents are a few KB). */
  maxBytes?: number;
  onProgress?: (done: number, total: number, last: CrawlResult) => void;
}

class TooLarge extends Error {}

const readCapped = async (body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> => {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new TooLarge(`document larger than ${maxBytes.toLocaleString('en')} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
};

const crawlOne = async (e: DirectoryEntry, opts: CrawlOptions): Promise<CrawlResult> => {
  const started = performance.now();
  const base = { name: e.name, url: e.url, records: [] as ImportedRecord[], issues: [] as InputIssue[] };
  const done = (r: Partial<CrawlResult> & { status: CrawlStatus }): CrawlResult => ({
    ...base,
    ...r,
    ms: Math.round(performance.now() - started),
  });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs ?? 10_000);
  let bytes: Uint8Array;
  try {
    const res = await opts.fetch(e.url, {
      signal: controller.signal,
      headers: { accept: 'application/json' },
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return done({ status: 'http_error', httpStatus: res.status, message: `HTTP ${res.status}` });
    }
    bytes = await readCapped(res.body, opts.maxBytes ?? 1024 * 1024);
  } catch (err) {
    if (timedOut)
      return done({ status: 'timeout', message: `no complete answer within ${opts.timeoutMs ?? 10_000} ms` });
    if (err instanceof TooLarge) return done({ status: 'too_large', message: err.message });
    const cause = (err as Error & { cause?: { code?: string } }).cause?.code;
    return done({
      status: 'network_error',
      message: `${(err as Error).message}${cause ? ` (${cause})` : ''}`,
    });
  } finally {
    clearTimeout(timer);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return done({ status: 'invalid_json', message: 'the response is not UTF-8 text' });
  }
  const parsed = parseJsonText(text, e.url);
  if (parsed.value === undefined)
    return done({
      status: 'invalid_json',
      message: parsed.issues[0]?.message ?? 'not JSON',
      issues: parsed.issues,
    });
  const r = spaceApiToRecord(parsed.value, { file: e.url, endpoint: e.url });
  const firstError = r.issues.find((i) => i.severity === 'error');
  if (!r.records.length)
    return done({
      status: 'invalid_document',
      message: firstError?.message ?? 'not a SpaceAPI document',
      issues: r.issues,
    });
  return done({ status: 'ok', records: r.records, issues: r.issues });
};

/** Crawls the endpoints; results come back in the order given. */
export const crawlDirectory = async (
  endpoints: readonly DirectoryEntry[],
  opts: CrawlOptions,
): Promise<CrawlResult[]> => {
  const results = new Array<CrawlResult>(endpoints.length);
  let next = 0;
  let finished = 0;
  const worker = async (): Promise<void> => {
    while (next < endpoints.length) {
      const i = next++;
      const r = await crawlOne(endpoints[i]!, opts);
      results[i] = r;
      opts.onProgress?.(++finished, endpoints.length, r);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 8, endpoints.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
};
