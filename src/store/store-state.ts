// Per-database state shared by a Kysely instance and all its transactions: the data version that
// every write bumps, and the memos that the version invalidates (filtered totals, list pages and
// materialised spaces). Reads are most of the traffic and writes are rare, so a read that finds its
// answer under the current version costs a map lookup instead of a query.
import type { Kysely } from 'kysely';
import type { Space } from '../domain/space.js';
import type { SpaceList } from './space-filter.js';

export type StoreDialect = 'sqlite' | 'postgres';

/**
 * A map whose entries are valid for one data version, bounded by total weight (entry count unless
 * a weight function is given); least recently used out.
 *
 * Recency is a counter stamped on the entry, not the map's order: moving an entry to the end on
 * every hit (delete + set) made the map reallocate its table under load, and those tables were
 * most of what a busy server promoted to the old generation. Eviction scans for the oldest stamp;
 * it runs only when an insert overflows, after a miss that has just cost a query.
 */
export class VersionedMemo<V> {
  readonly #entries = new Map<string, { version: number; value: V; weight: number; used: number }>();
  #weight = 0;
  #clock = 0;
  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: string, version: number): V | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    if (hit.version !== version) {
      this.#entries.delete(key);
      this.#weight -= hit.weight;
      return undefined;
    }
    hit.used = ++this.#clock;
    return hit.value;
  }

  set(key: string, version: number, value: V): void {
    const prior = this.#entries.get(key);
    if (prior) {
      this.#entries.delete(key);
      this.#weight -= prior.weight;
    }
    const weight = Math.max(1, this.weigh(value));
    this.#entries.set(key, { version, value, weight, used: ++this.#clock });
    this.#weight += weight;
    while (this.#weight > this.capacity && this.#entries.size > 1) {
      let oldest: string | undefined;
      let oldestUsed = Infinity;
      for (const [k, e] of this.#entries) {
        if (k !== key && e.used < oldestUsed) {
          oldest = k;
          oldestUsed = e.used;
        }
      }
      if (oldest === undefined) break;
      this.#weight -= this.#entries.get(oldest)!.weight;
      this.#entries.delete(oldest);
    }
  }
}

export class StoreState {
  #version = 0;
  /** Returns true when another process changed the data since the last call. */
  #externalChanged: () => boolean = () => false;
  /** False while we cannot hear other processes' writes; then nothing is memoised. */
  #cacheable = true;
  #memoDisabled = false;

  // Bounded so a server stays small (the registry benchmark's budget is 300 MB RSS for 100k
  // spaces): at most 10,000 spaces in memoised pages and 5,000 memoised spaces, often the same objects.
  readonly totals = new VersionedMemo<number>(1000);
  readonly pages = new VersionedMemo<SpaceList>(10_000, (page) => page.items.length);
  /** Spaces as read from their rows (frozen: callers share them). */
  readonly spaces = new VersionedMemo<Space>(5000);

  /**
   * SQLite only: runs one prepared statement for many rows, synchronously, on the connection.
   * Call it only inside a transaction (which holds the connection), see bulk-insert.ts.
   */
  runMany?: (sql: string, rows: ReadonlyArray<ReadonlyArray<unknown>>) => void;

  constructor(readonly dialect: StoreDialect) {}

  /** A number that changes whenever the data may have changed (usable as an ETag part). */
  version(): number {
    if (this.#externalChanged()) this.#version++;
    return this.#version;
  }

  get cacheable(): boolean {
    return this.#cacheable && !this.#memoDisabled;
  }

  disableMemo(): void {
    this.#memoDisabled = true;
  }

  bump(): void {
    this.#version++;
  }

  watchExternal(changed: () => boolean): void {
    this.#externalChanged = changed;
  }

  setCacheable(on: boolean): void {
    this.#cacheable = on;
    this.#version++;
  }

  /**
   * The memoised value for `key`, computing it when missing or stale. The version is read before
   * the computation and the result is filed under it: a write that lands meanwhile bumps the
   * version, so a result computed from old rows is never served afterwards.
   */
  async memo<V>(memo: VersionedMemo<V>, key: string, compute: () => Promise<V>): Promise<V> {
    if (!this.cacheable) return compute();
    const version = this.version();
    const hit = memo.get(key, version);
    if (hit !== undefined) return hit;
    const value = await compute();
    memo.set(key, version, value);
    return value;
  }
}

// Keyed by the dialect adapter, which a Kysely instance shares with every transaction it opens.
const states = new WeakMap<object, StoreState>();

export const attachState = <DB>(db: Kysely<DB>, state: StoreState): void => {
  states.set(db.getExecutor().adapter, state);
};

export const stateOf = <DB>(db: Kysely<DB>): StoreState | undefined => states.get(db.getExecutor().adapter);

/**
 * The state for memoising reads through `db`: undefined for a bare Kysely instance, and inside a
 * transaction, whose uncommitted rows are not everyone's truth.
 */
export const memoStateOf = <DB>(db: Kysely<DB>): StoreState | undefined => {
  const state = states.get(db.getExecutor().adapter);
  return state && state.cacheable && !db.isTransaction ? state : undefined;
};

/**
 * The data version of the database behind `db`: it changes after every committed write made
 * through this process and, for SQLite any other connection, for PostgreSQL (via NOTIFY) any other
 * process. Usable in HTTP ETags.
 */
export const dataVersion = <DB>(db: Kysely<DB>): number =>
  states.get(db.getExecutor().adapter)?.version() ?? 0;
