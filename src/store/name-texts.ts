// The derived name columns (search text, sort key) of a bulk write, computed ahead on a worker
// thread. Pinyin is the costliest part of a row (about 1.2 s of CPU for 100,000 names), and the
// names are known as soon as a file is parsed, so the second core can work them out while the
// import validates, de-duplicates and merges. The answers are only a memo: spaceToRow looks a
// space's exact names up and computes anything it does not find, so a stale, partial or missing
// answer (a merge changed a name, the worker failed) costs time, never correctness.
import { Worker } from 'node:worker_threads';
import { nameText, type NameText } from './search-text.js';

/** What the worker is given: the two name columns, index by index. */
export interface NameColumns {
  nameZh: (string | null)[];
  nameEn: (string | null)[];
}

/** What it answers, index by index. */
export interface NameTextColumns {
  searchText: string[];
  nameSort: string[];
}

/** One name's answers, under its Chinese name (nameText treats null and '' alike). */
interface Entry {
  nameEn: string;
  text: NameText;
}

let fromAnswers!: (names: NameColumns, answers: NameTextColumns) => NameTexts;

/** Precomputed name texts; only precomputeNameTexts makes them, from nameText's own answers. */
export class NameTexts {
  // Keyed by the Chinese name, then the English one among the (few) entries under it: no key
  // strings are built, which cost ~0.2 s per 100,000 lookups.
  readonly #byNameZh: ReadonlyMap<string, Entry[]>;
  readonly #size: number;

  private constructor(byNameZh: ReadonlyMap<string, Entry[]>, size: number) {
    this.#byNameZh = byNameZh;
    this.#size = size;
  }

  static {
    fromAnswers = (names, answers) => {
      const byNameZh = new Map<string, Entry[]>();
      let size = 0;
      for (let i = 0; i < names.nameZh.length; i++) {
        const searchText = answers.searchText[i];
        const nameSort = answers.nameSort[i];
        if (searchText === undefined || nameSort === undefined) continue;
        const zh = names.nameZh[i] ?? '';
        const en = names.nameEn[i] ?? '';
        const entries = byNameZh.get(zh);
        const entry = { nameEn: en, text: { searchText, nameSort } };
        if (!entries) byNameZh.set(zh, [entry]);
        else if (!entries.some((e) => e.nameEn === en)) entries.push(entry);
        else continue;
        size++;
      }
      return new NameTexts(byNameZh, size);
    };
  }

  /** None: every lookup computes. */
  static readonly none = new NameTexts(new Map(), 0);

  /** Distinct name pairs held. */
  get size(): number {
    return this.#size;
  }

  /** Exactly nameText(nameZh, nameEn): the precomputed answer when there is one. */
  of(nameZh: string | null, nameEn: string | null): NameText {
    const entries = this.#byNameZh.get(nameZh ?? '');
    if (entries) {
      const en = nameEn ?? '';
      for (const e of entries) if (e.nameEn === en) return e.text;
    }
    return nameText(nameZh, nameEn);
  }
}

/** The worker's answers for `names`; run in the worker, and in tests. */
export const answerNames = (names: NameColumns): NameTextColumns => {
  const n = names.nameZh.length;
  const searchText: string[] = new Array<string>(n);
  const nameSort: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const t = nameText(names.nameZh[i] ?? null, names.nameEn[i] ?? null);
    searchText[i] = t.searchText;
    nameSort[i] = t.nameSort;
  }
  return { searchText, nameSort };
};

/**
 * Below this many names a worker is not worth starting: it needs ~0.3 s to load pinyin-pro, in
 * which this thread computes some 25,000 names itself.
 */
export const WORKER_MIN_NAMES = 20_000;

export interface PendingNameTexts {
  /** The answers once the worker is done; NameTexts.none when it failed or was cancelled. */
  readonly done: Promise<NameTexts>;
  /** Stops the worker (a no-op once it is done). */
  cancel(): void;
}

/** A worker on the built file; from source (vitest, tsx) one that loads the TypeScript through tsx. */
const startWorker = (workerData: NameColumns): Worker => {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./name-texts-worker.js', here), { workerData });
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const target = JSON.stringify(new URL('./name-texts-worker.ts', here).href);
  return new Worker(`import(${api}).then((tsx) => tsx.tsImport(${target}, ${target}))`, {
    eval: true,
    workerData,
  });
};

/**
 * Starts computing the name texts of `sources` on a worker thread when they are at least `minNames`
 * (default WORKER_MIN_NAMES); with fewer, or when no worker can start, `done` gives NameTexts.none
 * and spaceToRow computes as usual.
 */
export const precomputeNameTexts = (
  sources: readonly { nameZh?: string | null; nameEn?: string | null }[],
  minNames = WORKER_MIN_NAMES,
): PendingNameTexts => {
  if (sources.length === 0 || sources.length < minNames)
    return { done: Promise.resolve(NameTexts.none), cancel: () => {} };
  const names: NameColumns = {
    nameZh: sources.map((s) => s.nameZh ?? null),
    nameEn: sources.map((s) => s.nameEn ?? null),
  };
  let worker: Worker;
  try {
    worker = startWorker(names);
  } catch {
    return { done: Promise.resolve(NameTexts.none), cancel: () => {} };
  }
  let settle: (t: NameTexts) => void = () => {};
  const done = new Promise<NameTexts>((resolve) => (settle = resolve));
  let finished = false;
  const finish = (t: NameTexts) => {
    if (finished) return;
    finished = true;
    settle(t);
    void worker.terminate();
  };
  worker.once('message', (answers: NameTextColumns) => finish(fromAnswers(names, answers)));
  // A failed worker only means this thread computes the names itself.
  worker.once('error', () => finish(NameTexts.none));
  worker.once('exit', () => finish(NameTexts.none));
  return { done, cancel: () => finish(NameTexts.none) };
};
