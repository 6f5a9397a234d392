// Finding the same space twice (within one import, or against the registry) and merging two records of it.
import { haversineMetres } from './geo.js';
import type { Link, Provenance, SourceRef, SpaceInput } from './space.js';

/** What de-duplication reads from a record. */
export type DedupeFields = Pick<SpaceInput, 'nameZh' | 'nameEn' | 'lat' | 'lon' | 'sources'>;
export type ExistingRecord = DedupeFields & { id: string };

/** A record in a duplicate pair: the n-th incoming record, or a registry record by id. */
export type DuplicateRef = { kind: 'incoming'; index: number } | { kind: 'existing'; id: string };

export const DUPLICATE_REASONS = ['same_source_id', 'same_name_nearby'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicatePair {
  /** Always an incoming record. */
  a: DuplicateRef & { kind: 'incoming' };
  /** A later incoming record or an existing one. */
  b: DuplicateRef;
  reason: DuplicateReason;
  /** For `same_name_nearby`: metres between the two points. */
  distanceM?: number;
  /** For `same_source_id`: "source:sourceId"; for names: the normalised name both share. */
  key: string;
}

export interface FindDuplicatesOptions {
  /** Same-name records closer than this are the same space, metres (default 200). */
  radiusM?: number;
}

/**
 * Name key for matching: Unicode NFKC (full-width Ｆａｂ → Fab), case-folded, every punctuation mark, symbol and
 * space removed. Words stay: "Fab Lab Berlin e.V." → "fablabberlinev"; "hackerspace" or "e.V." are kept
 * because two spaces may differ only by them ("Chaos Computer Club" vs "Chaos Computer Club Hackerspace").
 */
export const normaliseName = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '');

const namesOf = (r: DedupeFields): string[] => {
  const out = new Set<string>();
  for (const n of [r.nameZh, r.nameEn]) {
    const key = n ? normaliseName(n) : '';
    if (key) out.add(key);
  }
  return [...out];
};

const sourceKey = (s: SourceRef): string => `${s.source.trim().toLowerCase()}:${s.sourceId.trim()}`;

interface Entry {
  ref: DuplicateRef;
  lat: number;
  lon: number;
}
const refKey = (r: DuplicateRef): string => (r.kind === 'incoming' ? `i${r.index}` : `e${r.id}`);

/** Cell of a square grid of about `cellM` metres: neighbours within cellM are in the 3×3 block around it. */
const cellOf = (lat: number, lon: number, cellM: number): [number, number] => {
  const dLat = cellM / 111_320;
  // Width of a cell in degrees of longitude at the equator-most edge of the band: never narrower than cellM.
  const row = Math.floor((lat + 90) / dLat);
  const maxAbsLat = Math.min(89.9, Math.max(Math.abs(row * dLat - 90), Math.abs((row + 1) * dLat - 90)));
  const dLon = dLat / Math.cos((maxAbsLat * Math.PI) / 180);
  return [row, Math.floor((lon + 180) / dLon)];
};

/**
 * Duplicate pairs among `records` and between `records` and `existing` (pairs inside the registry are not
 * reported). Two records are the same space when they share a (source, sourceId), or a normalised name (Chinese
 * or English) and lie within `radiusM` of each other. Records without coordinates match by source id only.
 * Runs in O(n) expected time: records are grouped by name, and large groups are bucketed on a grid of radiusM.
 */
export const findDuplicates = (
  records: readonly DedupeFields[],
  existing: readonly ExistingRecord[] = [],
  options: FindDuplicatesOptions = {},
): DuplicatePair[] => {
  const radius = options.radiusM ?? 200;
  const pairs: DuplicatePair[] = [];
  const seen = new Set<string>();
  const push = (a: number, b: DuplicateRef, reason: DuplicateReason, key: string, distanceM?: number) => {
    const id = `i${a}|${refKey(b)}`;
    if (seen.has(id)) return;
    seen.add(id);
    const pair: DuplicatePair = { a: { kind: 'incoming', index: a }, b, reason, key };
    if (distanceM !== undefined) pair.distanceM = Math.round(distanceM * 10) / 10;
    pairs.push(pair);
  };

  // 1. Same source identity. The first holder of a key is the reference: existing records first.
  const bySource = new Map<string, DuplicateRef[]>();
  const addSource = (ref: DuplicateRef, r: DedupeFields) => {
    for (const s of r.sources ?? []) {
      const key = sourceKey(s);
      const list = bySource.get(key);
      if (list) list.push(ref);
      else bySource.set(key, [ref]);
    }
  };
  existing.forEach((r) => addSource({ kind: 'existing', id: r.id }, r));
  records.forEach((r, index) => addSource({ kind: 'incoming', index }, r));
  for (const [key, refs] of bySource) {
    for (let j = 1; j < refs.length; j++) {
      const later = refs[j];
      if (later?.kind !== 'incoming') continue;
      for (let i = 0; i < j; i++) {
        const earlier = refs[i];
        if (!earlier) continue;
        // Pairs read (incoming, other): the earlier incoming or the existing record is `b`.
        if (earlier.kind === 'existing') push(later.index, earlier, 'same_source_id', key);
        else push(earlier.index, later, 'same_source_id', key);
      }
    }
  }

  // 2. Same normalised name within the radius.
  const byName = new Map<string, Entry[]>();
  const addName = (ref: DuplicateRef, r: DedupeFields) => {
    if (r.lat == null || r.lon == null) return;
    for (const name of namesOf(r)) {
      const list = byName.get(name);
      const entry = { ref, lat: r.lat, lon: r.lon };
      if (list) list.push(entry);
      else byName.set(name, [entry]);
    }
  };
  existing.forEach((r) => addName({ kind: 'existing', id: r.id }, r));
  records.forEach((r, index) => addName({ kind: 'incoming', index }, r));

  const consider = (name: string, x: Entry, y: Entry) => {
    if (x.ref.kind === 'existing' && y.ref.kind === 'existing') return;
    const d = haversineMetres(x.lat, x.lon, y.lat, y.lon);
    if (d > radius) return;
    const [inc, other] =
      x.ref.kind === 'incoming' ? [x.ref, y.ref] : [y.ref as DuplicateRef & { kind: 'incoming' }, x.ref];
    if (inc.kind !== 'incoming') return;
    if (other.kind === 'incoming' && other.index < inc.index)
      push(other.index, inc, 'same_name_nearby', name, d);
    else push(inc.index, other, 'same_name_nearby', name, d);
  };

  for (const [name, entries] of byName) {
    if (entries.length < 2) continue;
    if (entries.length <= 32) {
      for (let i = 0; i < entries.length; i++) {
        for (let j = i + 1; j < entries.length; j++) consider(name, entries[i] as Entry, entries[j] as Entry);
      }
      continue;
    }
    // A common name ("Makerspace", "创客空间") shared by many records: compare only grid neighbours.
    const grid = new Map<string, Entry[]>();
    for (const e of entries) {
      const [r, c] = cellOf(e.lat, e.lon, radius);
      const k = `${r},${c}`;
      const cell = grid.get(k);
      if (cell) cell.push(e);
      else grid.set(k, [e]);
    }
    for (const e of entries) {
      const [r, c] = cellOf(e.lat, e.lon, radius);
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          for (const other of grid.get(`${r + dr},${c + dc}`) ?? []) {
            if (refKey(other.ref) < refKey(e.ref)) consider(name, e, other);
          }
        }
      }
    }
  }
  return pairs;
};

// ---------------------------------------------------------------------------------------------------------------

/** The incoming side of a merge: who brings the data and as of when. */
export type MergeProvenance = Provenance;

export interface MergeResult {
  merged: SpaceInput;
  /** Per-field provenance after the merge: the existing entries plus one for every field the merge set. */
  provenance: Record<string, Provenance>;
  /** Fields whose value the merge set or changed, in schema order. */
  changed: string[];
}

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A partial date that refines another: 2015 → 2015-06 → 2015-06-01. */
const refinesDate = (older: unknown, newer: unknown): boolean =>
  typeof older === 'string' &&
  typeof newer === 'string' &&
  newer.length > older.length &&
  newer.startsWith(older);

/** A region code under another: 440000 → 440300 → 440305. */
const refinesRegion = (older: unknown, newer: unknown): boolean => {
  if (typeof older !== 'string' || typeof newer !== 'string' || older === newer) return false;
  const prefix = older.endsWith('0000')
    ? older.slice(0, 2)
    : older.endsWith('00')
      ? older.slice(0, 4)
      : older;
  return newer.startsWith(prefix) && prefix.length < 6;
};

const unionBy = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] => {
  const out = [...a];
  const keys = new Set(a.map(key));
  for (const x of b) {
    if (keys.has(key(x))) continue;
    keys.add(key(x));
    out.push(x);
  }
  return out;
};
const linkKey = (l: Link): string => `${l.kind}:${l.url.trim().replace(/\/+$/, '').toLowerCase()}`;

/** Lists merged as sets: the merge never drops what either side knows. */
const UNIONS: Partial<Record<keyof SpaceInput, (a: never[], b: never[]) => unknown[]>> = {
  sources: (a: SourceRef[], b: SourceRef[]) => unionBy(a, b, sourceKey),
  links: (a: Link[], b: Link[]) => unionBy(a, b, linkKey),
  equipment: (a: string[], b: string[]) => unionBy(a, b, String),
  services: (a: string[], b: string[]) => unionBy(a, b, String),
};

/**
 * Merges an incoming record into an existing one, field by field:
 * - `sources`, `links`, `equipment`, `services`: union (existing order first).
 * - `profile`: key by key, with the rule below for each key (provenance field `profile.<key>`).
 * - `lat`/`lon`/`approximate` move together: exact incoming coordinates replace approximate ones, never the reverse.
 * - any other field: an empty existing value takes the incoming one; a non-empty one is kept unless the incoming
 *   value refines it (a longer partial date with the same start, a region code under the existing one) or the
 *   incoming data is newer (`provenance.at` later than the `at` recorded for that field; a field with no recorded
 *   provenance is kept, because its age is unknown).
 * Empty incoming values never erase anything. Each field the merge sets gets `{source, at, actor}`.
 */
export const mergeSpaceInputs = (
  existing: SpaceInput & { provenance?: Record<string, Provenance> },
  incoming: SpaceInput,
  provenance: MergeProvenance,
): MergeResult => {
  const { provenance: before = {}, ...existingFields } = existing;
  const merged: Record<string, unknown> = { ...existingFields };
  const record: Record<string, Provenance> = { ...before };
  const changed: string[] = [];
  const stamp = { source: provenance.source, at: provenance.at, actor: provenance.actor };
  const newer = (field: string): boolean => {
    const at = before[field]?.at;
    return at !== undefined && provenance.at > at;
  };
  const take = (field: string, set: () => void) => {
    set();
    record[field] = stamp;
    changed.push(field);
  };
  const ex = existingFields as Record<string, unknown>;

  for (const [field, value] of Object.entries(incoming) as [keyof SpaceInput, unknown][]) {
    if (isEmpty(value) || field === 'lat' || field === 'lon' || field === 'approximate') continue;
    const current = ex[field];
    const union = UNIONS[field];
    if (union) {
      const next = union((current ?? []) as never[], value as never[]);
      if (!same(next, current ?? [])) take(field, () => (merged[field] = next));
      continue;
    }
    if (field === 'profile') {
      const profile = { ...((current ?? {}) as Record<string, unknown>) };
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const pf = `profile.${k}`;
        if (isEmpty(v) || same(profile[k], v)) continue;
        if (isEmpty(profile[k]) || newer(pf)) take(pf, () => (profile[k] = v));
      }
      merged['profile'] = profile;
      continue;
    }
    if (same(current, value)) continue;
    const refines =
      ((field === 'foundedOn' || field === 'closedOn') && refinesDate(current, value)) ||
      (field === 'regionCode' && refinesRegion(current, value));
    if (isEmpty(current) || refines || newer(field)) take(field, () => (merged[field] = value));
  }

  // Coordinates move as one (provenance under `lat` and `lon`): never a new lat with an old lon.
  if (incoming.lat != null && incoming.lon != null) {
    const hasOld = existing.lat != null && existing.lon != null;
    const moved = !hasOld || existing.lat !== incoming.lat || existing.lon !== incoming.lon;
    const better =
      !hasOld || (existing.approximate === true && incoming.approximate !== true) || newer('lat');
    const worse = hasOld && existing.approximate !== true && incoming.approximate === true;
    if (moved && better && !worse) {
      take('lat', () => (merged['lat'] = incoming.lat));
      take('lon', () => (merged['lon'] = incoming.lon));
      if ((existing.approximate ?? false) !== (incoming.approximate ?? false)) {
        take('approximate', () => (merged['approximate'] = incoming.approximate ?? false));
      }
    }
  }

  return { merged: merged as SpaceInput, provenance: record, changed };
};
