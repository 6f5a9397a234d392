// The gzipped JSON text of a value whose bulk sits in a few large members (the map's point columns).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  Object.getPrototypeOf(v) === Object.prototype &&
  typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** Writes one piece, waiting while the compressor's input buffer is full. */
const put = async (out: Writable, text: string): Promise<void> => {
  if (!out.write(text)) await once(out, 'drain');
};

/** JSON.stringify's text of `value`, written member by member into `out` (plain objects are opened up). */
const writeJson = async (out: Writable, value: Record<string, unknown>): Promise<void> => {
  let first = true;
  await put(out, '{');
  for (const [key, member] of Object.entries(value)) {
    const nested = isPlainObject(member);
    const text = nested ? '' : JSON.stringify(member);
    // JSON.stringify leaves out members it cannot represent (undefined, functions, symbols).
    if (text === undefined) continue;
    await put(out, `${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    await (nested ? writeJson(out, member) : put(out, text));
  }
  await put(out, '}');
};

/**
 * gzip(JSON.stringify(value)), without ever holding the whole text: each member is turned into text
 * and compressed in turn. For 100,000 map points the whole text is ~30 MB as a JS string plus its
 * UTF-8 copy; written by column the largest transient piece is one column.
 */
export const gzipJson = async (value: Record<string, unknown>): Promise<Buffer> => {
  const gz = createGzip();
  const chunks: Buffer[] = [];
  gz.on('data', (c: Buffer) => chunks.push(c));
  const ended = once(gz, 'end');
  await writeJson(gz, value);
  gz.end();
  await ended;
  return Buffer.concat(chunks);
};
