import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from './decode.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const gbk = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'gbk'));
const CSV_ZH = '名称,城市,地址\n上海新车间,上海,长宁区愚园路\n柴火创客空间,深圳,南山区\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM to the same text', () => {
    const plain = decodeText(utf8(CSV_ZH), { file: 'a.csv' });
    const bom = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CSV_ZH)]), { file: 'a.csv' });
    expect(plain).toEqual({ text: CSV_ZH, issues: [] });
    expect(bom.text).toBe(CSV_ZH);
  });

  it('stops GBK input with an error that names the encoding and how to re-save', () => {
    const r = decodeText(gbk(CSV_ZH), { file: 'spaces.csv' });
    expect(r.text).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'encoding.not_utf8', file: 'spaces.csv' });
    expect(r.issues[0]!.message).toContain('GB18030/GBK');
    expect(r.issues[0]!.message).toContain('CSV UTF-8');
    expect(r.issues[0]!.message).toContain("encoding 'gbk'");
  });

  it("decodes GBK when encoding 'gbk' is given", () => {
    expect(decodeText(gbk(CSV_ZH), { file: 'a.csv', encoding: 'gbk' })).toEqual({ text: CSV_ZH, issues: [] });
  });

  it('reports a file cut inside a multi-byte character as truncated, not as another encoding', () => {
    const bytes = utf8('名称,城市\n上海新车间');
    const r = decodeText(bytes.slice(0, bytes.length - 1), { file: 'a.csv' });
    expect(r.text).toBeNull();
    expect(r.issues[0]!.code).toBe('input.truncated');
  });

  it('names Windows-1252 text and can fall back to it with a warning', () => {
    const bytes = new Uint8Array(
      iconv.encode('name,fee\nBuild Brighton,£5 per month, café\n'.repeat(20), 'windows-1252'),
    );
    const strict = decodeText(bytes, { file: 'n.csv' });
    expect(strict.issues[0]).toMatchObject({ code: 'encoding.not_utf8' });
    expect(strict.issues[0]!.message).toMatch(/windows-1252|ISO-8859-1/i);
    const loose = decodeText(bytes, { file: 'n.csv', fallbackEncoding: 'windows-1252' });
    expect(loose.text).toContain('£5 per month, café');
    expect(loose.issues).toMatchObject([{ severity: 'warning', code: 'encoding.assumed' }]);
  });

  it('recognises UTF-16 (Excel "Unicode text")', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode('name\n', 'utf16le')]);
    expect(decodeText(bytes, { file: 'u.txt' }).issues[0]!.message).toContain('UTF-16LE');
  });

  it('rejects an unknown encoding name and input over the byte limit', () => {
    expect(decodeText(utf8('x'), { file: 'a', encoding: 'klingon' }).issues[0]!.code).toBe(
      'encoding.unknown',
    );
    const r = decodeText(utf8('x'.repeat(100)), { file: 'a', limits: { maxBytes: 10 } });
    expect(r.issues[0]).toMatchObject({ code: 'input.too_large', severity: 'error' });
  });
});

describe('firstInvalidUtf8', () => {
  it('finds overlong forms, surrogates and stray continuation bytes', () => {
    expect(firstInvalidUtf8(utf8('ok 好')).offset).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80])).offset).toBe(1); // overlong NUL
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])).offset).toBe(0); // UTF-16 surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0x80])).offset).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xe4, 0xbd]))).toEqual({ offset: 0, incompleteAtEnd: true });
  });
});
