// Import a file into the registry: parse → validate → find duplicates (within the file and against the
// registry) → merge → write everything in one transaction, or nothing at all.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { findDuplicates, mergeSpaceInputs, type ExistingRecord } from '../domain/dedupe.js';
import type { InputIssue } from '../domain/issue.js';
import { inputOf, newSpace } from '../domain/space-record.js';
import type { Provenance, Space, SpaceInput } from '../domain/space.js';
import { validateSpace } from '../domain/validate-space.js';
import { parseFile, type Format } from '../io/formats.js';
import type { GeoIndex } from '../io/geo-data.js';
import type { ImportedRecord } from '../io/import-types.js';
import { parseMapping } from '../io/mapping.js';
import type { Store } from '../store/database.js';
import { precomputeNameTexts } from '../store/name-texts.js';
import { dedupeCandidates } from '../store/dedupe-repo.js';
import { recordImport } from '../store/imports-repo.js';
import { findBySourceIds, getSpace, insertSpaces, updateSpace } from '../store/spaces-repo.js';

export interface ImportRequest {
  /** Path of the file to import. */
  path: string;
  format: Format;
  /** Path of a column-mapping JSON file (CSV/XLSX with foreign headers). */
  mappingPath?: string;
  dryRun?: boolean;
  actor?: string;
  /** e.g. 'gbk' for a GBK export; without it only UTF-8 is accepted. */
  encoding?: string;
  /**
   * Import the valid records and leave out the ones with errors (listed in the report). Without it, any error
   * rejects the whole file. Errors about the file itself (encoding, truncation, headers) always reject it.
   */
  skipInvalid?: boolean;
  /** Defaults to the current time; tests pass a fixed one. */
  now?: Date;
}

export interface ImportCounts {
  /** Records the parser produced (before validation). */
  read: number;
  created: number;
  /** Existing spaces updated by a duplicate in the file. */
  merged: number;
  /** Records folded into an earlier record of the same file. */
  mergedWithinFile: number;
  /** Records with at least one error. */
  rejected: number;
}

export interface ImportReport {
  file: string;
  /** Wall time of each stage, milliseconds (parse, validate, dedupe, merge, write). */
  timingsMs: Record<string, number>;
  format: Format;
  status: 'committed' | 'dry_run' | 'rejected';
  importId: string | null;
  counts: ImportCounts;
  issues: InputIssue[];
}

export type ImportStage = 'parse' | 'validate' | 'dedupe' | 'write';
export type OnProgress = (stage: ImportStage, done: number, total: number) => void;

const where = (r: ImportedRecord, file: string) => ({
  file,
  ...(r.row !== undefined && { row: r.row }),
  ...(r.path !== undefined && { path: r.path }),
});

const label = (r: ImportedRecord) => (r.row !== undefined ? `row ${r.row}` : (r.path ?? 'record'));

/** The bounding box of the records' points, or undefined when none has coordinates. */
const bboxOf = (records: ImportedRecord[]): [number, number, number, number] | undefined => {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity; // prettier-ignore
  for (const { draft: d } of records) {
    if (d.lat == null || d.lon == null) continue;
    minLon = Math.min(minLon, d.lon);
    maxLon = Math.max(maxLon, d.lon);
    minLat = Math.min(minLat, d.lat);
    maxLat = Math.max(maxLat, d.lat);
  }
  return minLon === Infinity ? undefined : [minLon, minLat, maxLon, maxLat];
};

/** The record with its own source among the sources it lists, so a re-import finds its earlier run. */
const withOwnSource = (r: ImportedRecord): ImportedRecord => {
  const listed = r.draft.sources ?? [];
  if (listed.some((s) => s.source === r.source.source && s.sourceId === r.source.sourceId)) return r;
  return { ...r, draft: { ...r.draft, sources: [r.source, ...listed] } };
};

export const importFile = async (
  deps: { store: Store; geo: GeoIndex },
  req: ImportRequest,
  onProgress: OnProgress = () => {},
): Promise<ImportReport> => {
  const file = basename(req.path);
  const now = req.now ?? new Date();
  const at = now.toISOString();
  const actor = req.actor ?? 'cli';
  const timingsMs: Record<string, number> = {};
  let mark = performance.now();
  const lap = (stage: string) => {
    const t = performance.now();
    timingsMs[stage] = Math.round(t - mark);
    mark = t;
  };
  const counts: ImportCounts = { read: 0, created: 0, merged: 0, mergedWithinFile: 0, rejected: 0 };
  const report = (
    status: ImportReport['status'],
    issues: InputIssue[],
    importId: string | null = null,
  ): ImportReport => ({
    file,
    timingsMs,
    format: req.format,
    status,
    importId,
    counts,
    issues,
  });

  // 1. Parse.
  let mapping;
  if (req.mappingPath) {
    const parsed = parseMapping(await readFile(req.mappingPath), basename(req.mappingPath));
    if (!parsed.mapping) return report('rejected', parsed.issues);
    mapping = parsed.mapping;
  }
  const bytes = await readFile(req.path);
  onProgress('parse', 0, 1);
  const parsed = await parseFile(req.format, bytes, {
    file,
    now: at,
    ...(mapping && { mapping }),
    ...(req.encoding && { encoding: req.encoding }),
  });
  onProgress('parse', 1, 1);
  lap('parse');
  // The rows' name texts (pinyin) are worked out on a worker thread while this one goes on.
  const pendingNames = req.dryRun ? undefined : precomputeNameTexts(parsed.records.map((r) => r.draft));
  try {
    const issues = [...parsed.issues];
    const parsedRecords = parsed.records.map(withOwnSource);
    counts.read = parsedRecords.length;
    // Every parser emits drafts that passed SpaceInput (ImportedRecord's contract, kept by finishDraft);
    // only a draft that withOwnSource changed is checked against the schema again.
    const schemaChecked = (i: number): boolean => parsedRecords[i]!.draft === parsed.records[i]!.draft;

    // 2. Validate every record against places, codes, dates and currencies.
    const today = at.slice(0, 10);
    const rejectedRows = new Set<number>();
    parsedRecords.forEach((r, i) => {
      const found = validateSpace(r.draft, {
        geo: deps.geo,
        regions: deps.geo.regions,
        where: where(r, file),
        today,
        schemaChecked: schemaChecked(i),
      });
      if (found.some((x) => x.severity === 'error')) rejectedRows.add(i);
      issues.push(...found);
      if (i % 5000 === 4999) onProgress('validate', i + 1, parsedRecords.length);
    });
    onProgress('validate', parsedRecords.length, parsedRecords.length);
    lap('validate');
    const errors = issues.filter((x) => x.severity === 'error');
    // Rows (or JSON paths) with at least one error; the parser already left out records it could not build.
    counts.rejected = new Set(
      errors.filter((x) => x.row !== undefined || x.path).map((x) => `${x.row}|${x.path}`),
    ).size;
    const fileLevelError = errors.some((x) => x.row === undefined && !x.path);
    if (errors.length > 0 && (!req.skipInvalid || fileLevelError)) return report('rejected', issues);
    const records = parsedRecords.filter((_, i) => !rejectedRows.has(i));

    // 3. Duplicates: same source id or same name within 200 m, in the file and in the registry.
    const bySource = await findBySourceIds(
      deps.store.db,
      records.flatMap((r) => r.draft.sources ?? []),
    );
    const bbox = bboxOf(records);
    const existing: ExistingRecord[] = bbox ? await dedupeCandidates(deps.store.db, bbox) : [];
    for (const [key, id] of bySource) {
      const [source, sourceId] = key.split('\u0000') as [string, string];
      existing.push({ id, sources: [{ source, sourceId }] });
    }
    const pairs = findDuplicates(
      records.map((r) => r.draft),
      existing,
    );
    onProgress('dedupe', 1, 1);
    lap('dedupe');

    // Each incoming record either folds into an earlier record of the file, updates a registry space, or is new.
    const intoIncoming = new Map<number, number>();
    const intoExisting = new Map<number, string>();
    const reasonOf = new Map<number, string>();
    for (const p of pairs) {
      if (p.b.kind === 'existing') {
        if (!intoExisting.has(p.a.index)) intoExisting.set(p.a.index, p.b.id);
      } else if (!intoIncoming.has(p.b.index) && p.b.index !== p.a.index) {
        intoIncoming.set(p.b.index, p.a.index);
        reasonOf.set(p.b.index, p.reason);
      }
    }
    const rootOf = (i: number): number => {
      let r = i;
      for (let guard = 0; intoIncoming.has(r) && guard < records.length; guard++) r = intoIncoming.get(r)!;
      return r;
    };
    for (const [later, earlier] of intoIncoming) {
      const a = records[rootOf(earlier)]!;
      const b = records[later]!;
      issues.push({
        severity: 'warning',
        code: 'duplicate.within_file',
        ...where(b, file),
        message: `same space as ${label(a)} (${reasonOf.get(later)}); merged into it`,
      });
    }

    // 4. Build the writes: merge within the file first, then into registry records.
    const stamp: Provenance = { source: `${req.format}:${file}`, at, actor };
    const drafts = new Map<number, { input: SpaceInput; provenance?: Record<string, Provenance> }>();
    records.forEach((r, i) => {
      const root = rootOf(i);
      const current = drafts.get(root);
      if (root === i && !current) drafts.set(i, { input: r.draft });
      else if (root !== i) {
        const base = current ?? { input: records[root]!.draft };
        const m = mergeSpaceInputs(
          { ...base.input, ...(base.provenance && { provenance: base.provenance }) },
          r.draft,
          stamp,
        );
        drafts.set(root, { input: m.merged, provenance: m.provenance });
        counts.mergedWithinFile++;
      }
    });

    // A group (a record and those folded into it) updates the registry space any of its members matched.
    const groupTarget = new Map<number, string>();
    for (const [i, id] of intoExisting) if (!groupTarget.has(rootOf(i))) groupTarget.set(rootOf(i), id);

    const created: Space[] = [];
    const updated = new Map<string, Space>();
    for (const [i, d] of drafts) {
      const targetId = groupTarget.get(i);
      if (!targetId) {
        const space = newSpace(d.input, { id: randomUUID(), at, source: stamp.source, actor });
        if (d.provenance) space.provenance = { ...d.provenance, ...space.provenance };
        created.push(space);
        continue;
      }
      const target = updated.get(targetId) ?? (await getSpace(deps.store.db, targetId));
      if (!target) continue;
      const m = mergeSpaceInputs({ ...inputOf(target), provenance: target.provenance }, d.input, stamp);
      if (m.changed.length === 0) continue;
      updated.set(targetId, {
        ...newSpace(m.merged, { id: target.id, at, source: stamp.source, actor }, m.provenance),
        createdAt: target.createdAt,
      });
    }
    counts.created = created.length;
    counts.merged = updated.size;

    if (req.dryRun) return report('dry_run', issues);

    const importId = randomUUID();
    lap('merge');
    onProgress('write', 0, created.length + updated.size);
    const nameTexts = await pendingNames?.done;
    await deps.store.db.transaction().execute(async (trx) => {
      await insertSpaces(trx, created, { nameTexts });
      for (const s of updated.values()) await updateSpace(trx, s);
      await recordImport(trx, {
        id: importId,
        at,
        actor,
        file,
        format: req.format,
        counts: { ...counts },
        dryRun: false,
        status: 'committed',
        issues,
      });
    });
    onProgress('write', created.length + updated.size, created.length + updated.size);
    lap('write');
    return report('committed', issues, importId);
  } finally {
    pendingNames?.cancel();
  }
};
