// Turns input bytes into text. UTF-8 is the only encoding accepted silently: Chinese Excel and WPS
// save CSV as GBK/GB18030 by default, and decoding those as UTF-8 would corrupt every name, so such
// files are stopped with an issue that says how to re-save them (or which option to pass).
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { InputIssue } from '../domain/issue.js';
import { limitsOf, type ImportOptions } from './import-types.js';

export interface DecodeOptions extends Pick<ImportOptions, 'file' | 'encoding' | 'limits'> {
  /**
   * Encoding to fall back to (with a warning) when the bytes are not UTF-8 and no `encoding` was
   * given. Only for sources known to publish in one legacy encoding (the Nesta 2015 CSV is Windows-1252).
   */
  fallbackEncoding?: string;
}

export type Decoded = { text: string; issues: InputIssue[] } | { text: null; issues: InputIssue[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** An error issue when the input exceeds the byte limit, else undefined. */
export const sizeIssue = (
  bytes: Uint8Array,
  opts: Pick<ImportOptions, 'file' | 'limits'>,
): InputIssue | undefined => {
  const { maxBytes } = limitsOf({ file: opts.file, ...(opts.limits ? { limits: opts.limits } : {}) });
  if (bytes.byteLength <= maxBytes) return undefined;
  return {
    severity: 'error',
    code: 'input.too_large',
    file: opts.file,
    message: `file is ${bytes.byteLength.toLocaleString('en')} bytes; at most ${maxBytes.toLocaleString('en')} are accepted (split it, or raise the limit)`,
  };
};

/**
 * Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. `incompleteAtEnd`
 * tells whether the only problem is a sequence cut off by the end of the input (a truncated file).
 */
export const firstInvalidUtf8 = (b: Uint8Array): { offset: number; incompleteAtEnd: boolean } => {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return { offset: i, incompleteAtEnd: false };
    let cp = c & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      // Every continuation byte so far was fine and the input simply stops: a truncated file.
      if (cc === undefined) return { offset: i, incompleteAtEnd: true };
      if ((cc & 0xc0) !== 0x80) return { offset: i, incompleteAtEnd: false };
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      return { offset: i, incompleteAtEnd: false };
    i += need + 1;
  }
  return { offset: -1, incompleteAtEnd: false };
};

const lineAt = (b: Uint8Array, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
};

/** Chinese text decoded as GB18030 is mostly CJK ideographs; Latin-1 text decoded that way is not. */
const looksLikeGb = (b: Uint8Array): boolean => {
  const sample = b.subarray(0, 64 * 1024);
  const text = iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), 'gb18030');
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef))
      cjk++;
    else other++;
  }
  return cjk > 0 && cjk >= 4 * other;
};

/** Best guess of a non-UTF-8 encoding, for the message only. */
export const guessEncoding = (b: Uint8Array): string => {
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  if (looksLikeGb(b)) return 'GB18030/GBK';
  return chardet.detect(b) ?? 'an unknown 8-bit encoding';
};

const resaveHint = (guess: string): string =>
  guess.startsWith('GB')
    ? "re-save it as UTF-8 (Excel: Save As → 'CSV UTF-8 (Comma delimited)'; WPS: 另存为 → 编码选 UTF-8), or import it with encoding 'gbk'"
    : `re-save it as UTF-8, or import it with the encoding named (e.g. '${guess.toLowerCase()}')`;

const decodeWith = (bytes: Uint8Array, encoding: string): string =>
  iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });

/** Decodes input to text, or returns why it cannot. Never throws. */
export const decodeText = (bytes: Uint8Array, opts: DecodeOptions): Decoded => {
  const tooBig = sizeIssue(bytes, opts);
  if (tooBig) return { text: null, issues: [tooBig] };
  const file = opts.file;
  const enc = opts.encoding?.trim().toLowerCase();
  if (enc && enc !== 'utf-8' && enc !== 'utf8') {
    if (!iconv.encodingExists(enc)) {
      return {
        text: null,
        issues: [
          {
            severity: 'error',
            code: 'encoding.unknown',
            file,
            message: `unknown encoding "${opts.encoding}"; expected e.g. utf-8, gbk, gb18030, windows-1252`,
          },
        ],
      };
    }
    return { text: decodeWith(bytes, enc), issues: [] };
  }
  try {
    // The native decoder is the fast path; it drops a leading BOM, which Excel writes and we write too.
    return { text: utf8.decode(bytes), issues: [] };
  } catch {
    // Not UTF-8: find where and why, below.
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad.offset < 0) return { text: utf8.decode(bytes), issues: [] };
  const line = lineAt(bytes, bad.offset);
  if (bad.incompleteAtEnd) {
    return {
      text: null,
      issues: [
        {
          severity: 'error',
          code: 'input.truncated',
          file,
          message: `the file ends in the middle of a UTF-8 character (byte ${bad.offset}): it looks cut off; upload the complete file`,
        },
      ],
    };
  }
  const guess = guessEncoding(bytes);
  // The fallback is for the legacy 8-bit encoding a source is known for; Chinese or UTF-16 bytes are not that.
  if (opts.fallbackEncoding && !guess.startsWith('GB') && !guess.startsWith('UTF-16')) {
    return {
      text: decodeWith(bytes, opts.fallbackEncoding),
      issues: [
        {
          severity: 'warning',
          code: 'encoding.assumed',
          file,
          message: `file is not UTF-8 (first invalid byte at line ${line}); decoded as ${opts.fallbackEncoding}, the encoding this source publishes in`,
        },
      ],
    };
  }
  return {
    text: null,
    issues: [
      {
        severity: 'error',
        code: 'encoding.not_utf8',
        file,
        message: `file is not UTF-8 (invalid byte 0x${bytes[bad.offset]!.toString(16).padStart(2, '0')} at byte ${bad.offset}, line ${line}); it looks like ${guess}: ${resaveHint(guess)}`,
      },
    ],
  };
};
