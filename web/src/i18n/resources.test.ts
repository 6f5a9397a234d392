// Every key the code asks for exists in Chinese and English, and both have the same keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zhCN } from './zh-cn.js';

type Tree = { [k: string]: string | Tree };

const leaves = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`),
  );

const lookup = (t: Tree, key: string): string | Tree | undefined =>
  key
    .split('.')
    .reduce<string | Tree | undefined>((node, k) => (typeof node === 'object' ? node[k] : undefined), t);

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
  });

const SRC = join(import.meta.dirname, '..');

describe('translations', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(leaves(en as unknown as Tree).sort()).toEqual(leaves(zhCN as unknown as Tree).sort());
    for (const k of leaves(zhCN as unknown as Tree))
      expect(lookup(zhCN as unknown as Tree, k), k).not.toBe('');
  });

  it('cover every key the code uses', () => {
    const missing: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      // t('a.b'), tr('a.b'), t("a.b")
      for (const m of text.matchAll(/\bt[r]?\(\s*'([a-zA-Z][\w.]*)'/g)) {
        const key = m[1] as string;
        if (typeof lookup(zhCN as unknown as Tree, key) !== 'string') missing.push(`${file}: ${key}`);
      }
      // t(`a.${x}`): the prefix must be a group of keys
      for (const m of text.matchAll(/\bt[r]?\(\s*`([a-zA-Z][\w.]*)\.\$\{/g)) {
        const key = m[1] as string;
        if (typeof lookup(zhCN as unknown as Tree, key) !== 'object') missing.push(`${file}: ${key}.*`);
      }
    }
    expect(missing).toEqual([]);
  });
});
