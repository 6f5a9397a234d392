// Real data sets live beside the repository in ../shared/data (they are not ours to redistribute).
// Tests that need them run always in CI; on a clone without them they skip and say what was skipped.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DIR = resolve(repoRoot, '..', 'shared');

/** Absolute path of a file under ../shared/data. */
export const sharedData = (rel: string): string => resolve(SHARED_DIR, 'data', rel);

export const hasShared = (rel = ''): boolean => existsSync(resolve(SHARED_DIR, 'data', rel));

/**
 * `describe` that needs ../shared/data/<rel>. Without it: fails in CI (CI=true), skips elsewhere
 * with a message naming the suite and the missing path.
 */
export const describeShared = (rel: string, name: string, fn: () => void): void => {
  if (hasShared(rel)) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    throw new Error(`CI needs ../shared/data/${rel} for "${name}" but it is missing`);
  }
  console.warn(`skipped "${name}": ../shared/data/${rel} is not present`);
  describe.skip(name, fn);
};
