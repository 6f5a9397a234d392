// Runs a pipeline spec on COINr-style input files and writes every stage, the treatment report,
// the results and the provenance to a folder. Bad input (tables, spec, or data the methods cannot
// handle) is returned as issues and nothing is written.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { InputIssue } from '../domain/issue.js';
import {
  EngineError,
  PipelineSpecError,
  compilePipeline,
  computeResults,
  splitByTime,
  type CompileOptions,
  type PipelineRun,
} from '../engine/pipeline/index.js';
import type { StepOutput } from '../engine/pipeline/state.js';
import type { TreatDetails } from '../engine/treat/treat.js';
import type { Dataset, StageName } from '../engine/types.js';
import { readCoinrTables } from '../io/coinr-tables.js';

export interface IndexRunOptions {
  /** iData file (CSV or XLSX). */
  idata: string;
  /** iMeta file (CSV or XLSX). */
  imeta: string;
  /** Pipeline spec (JSON). */
  pipeline: string;
  /** Output folder (created if missing). */
  outDir: string;
  /** The engine version to record (package.json "version"). */
  engineVersion: string;
  /** Character encoding of CSV inputs when not UTF-8 (e.g. 'gbk'). */
  encoding?: string;
  /** Named weight sets for Aggregate's `w`. */
  weightSets?: CompileOptions['weightSets'];
}

export interface IndexRunReport {
  ok: boolean;
  issues: InputIssue[];
  /** Files written, relative to outDir (empty when not ok). */
  files: string[];
  /** Time points run (1 for cross-sectional data). */
  timePoints: number;
}

const STAGES: StageName[] = ['Denominated', 'Imputed', 'Screened', 'Treated', 'Normalised', 'Aggregated'];

/** A number with 17 significant digits (exact round trip), trailing zeros dropped; NaN → "". */
export const formatNumber = (v: number): string => {
  if (Number.isNaN(v)) return '';
  if (!Number.isFinite(v)) return v > 0 ? 'Inf' : '-Inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e17) return String(v);
  const s = v.toPrecision(17);
  const [mant, exp] = s.split('e') as [string, string | undefined];
  const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
  return exp === undefined ? m : `${m}e${exp}`;
};

const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

/** Rows of each time point stacked; a Time column after uCode for panel data. */
const stageTable = (run: PipelineRun, k: number, panel: boolean): string[][] => {
  const outs = run.steps[k] as StepOutput[];
  const first = (outs[0] as StepOutput).state.data;
  const header = ['uCode', ...(panel ? ['Time'] : []), ...first.iCodes];
  const rows: string[][] = [header];
  outs.forEach((o, t) => {
    const d: Dataset = o.state.data;
    d.uCodes.forEach((u, i) =>
      rows.push([
        u,
        ...(panel ? [String(run.times[t])] : []),
        ...d.cols.map((c) => formatNumber(c[i] as number)),
      ]),
    );
  });
  return rows;
};

const treatmentTable = (
  details: (TreatDetails | undefined)[],
  times: (number | undefined)[],
  panel: boolean,
): string[][] => {
  const rows: string[][] = [
    [
      'iCode',
      ...(panel ? ['Time'] : []),
      'status',
      'skew_before',
      'kurt_before',
      'pass_before',
      'f1',
      'points_winsorised',
      'winsorised_units',
      'transform',
      'skew_after',
      'kurt_after',
      'pass_after',
      'message',
    ],
  ];
  const tf = (v: boolean | null | undefined) =>
    v === undefined ? '' : v === null ? 'NA' : v ? 'TRUE' : 'FALSE';
  details.forEach((d, t) => {
    if (!d) return;
    for (const ind of d.indicators) {
      const labels = d.points.find((p) => p.iCode === ind.iCode)?.labels ?? [];
      const moved = labels
        .map((l, i) =>
          l.startsWith('winhi') ? `${d.uCodes[i]}:high` : l.startsWith('winlo') ? `${d.uCodes[i]}:low` : '',
        )
        .filter(Boolean)
        .join(';');
      const after = ind.check2 ?? ind.check1;
      rows.push([
        ind.iCode,
        ...(panel ? [String(times[t])] : []),
        ind.status,
        formatNumber(ind.check0?.skew ?? NaN),
        formatNumber(ind.check0?.kurt ?? NaN),
        tf(ind.check0?.pass),
        ind.f1 ?? '',
        ind.nwin === undefined ? '' : String(ind.nwin),
        moved,
        ind.f2 ?? '',
        formatNumber(after?.skew ?? NaN),
        formatNumber(after?.kurt ?? NaN),
        tf(after?.pass),
        ind.message ?? '',
      ]);
    }
  });
  return rows;
};

const resultsTable = (
  run: PipelineRun,
  k: number,
  fw: Parameters<typeof computeResults>[1],
  panel: boolean,
): string[][] => {
  const outs = run.steps[k] as StepOutput[];
  let header: string[] | undefined;
  const rows: string[][] = [];
  outs.forEach((o, t) => {
    const res = computeResults(o.state.data, fw);
    header ??= ['uCode', ...(panel ? ['Time'] : []), 'Rank', ...res.codes.flatMap((c) => [c, `${c}.rank`])];
    res.uCodes.forEach((u, i) => {
      rows.push([
        u,
        ...(panel ? [String(run.times[t])] : []),
        formatNumber(res.rank[i] as number),
        ...res.codes.flatMap((_, j) => [
          formatNumber(res.scores[j]?.[i] as number),
          formatNumber(res.ranks[j]?.[i] as number),
        ]),
      ]);
    });
  });
  return [header ?? [], ...rows];
};

/**
 * Runs the pipeline in `pipeline` on `idata` + `imeta` and writes to `outDir`:
 * `<Stage>.csv` for each stage the pipeline produces (uCode, [Time,] codes; empty = missing),
 * `treatment.csv`, `results.csv` (when the pipeline aggregates) and `provenance.json`.
 */
export const runIndexFiles = async (opts: IndexRunOptions): Promise<IndexRunReport> => {
  const [idataBytes, imetaBytes, specBytes] = await Promise.all([
    readFile(opts.idata),
    readFile(opts.imeta),
    readFile(opts.pipeline),
  ]);
  const fail = (issues: InputIssue[]): IndexRunReport => ({ ok: false, issues, files: [], timePoints: 0 });
  const enc = opts.encoding ? { encoding: opts.encoding } : {};
  const tables = await readCoinrTables(
    { name: basename(opts.idata), content: idataBytes, ...enc },
    { name: basename(opts.imeta), content: imetaBytes, ...enc },
  );
  const issues = [...tables.issues];
  let spec: unknown;
  const specFile = basename(opts.pipeline);
  try {
    spec = JSON.parse(specBytes.toString('utf8'));
  } catch (e) {
    issues.push({
      severity: 'error',
      code: 'pipeline.json',
      file: specFile,
      message: `not valid JSON: ${(e as Error).message}`,
    });
  }
  if (issues.some((i) => i.severity === 'error') || !tables.framework || !tables.state) return fail(issues);
  let run: PipelineRun;
  try {
    const pipeline = compilePipeline(
      spec,
      tables.framework,
      opts.weightSets ? { weightSets: opts.weightSets } : {},
    );
    run = pipeline.run(splitByTime(tables.state));
  } catch (e) {
    if (e instanceof PipelineSpecError)
      return fail([...issues, ...e.issues.map((i) => ({ ...i, file: specFile }))]);
    if (e instanceof EngineError)
      return fail([
        ...issues,
        { severity: 'error', code: e.code, file: basename(opts.idata), message: e.message },
      ]);
    throw e;
  }
  const panel = tables.isPanel;
  const outputs = new Map<string, string>();
  run.stageNames.forEach((name, k) => {
    if (STAGES.includes(name)) outputs.set(`${name}.csv`, stringify(stageTable(run, k, panel)));
  });
  const treatStep = run.stageNames.lastIndexOf('Treated');
  if (treatStep >= 0) {
    const details = (run.steps[treatStep] as StepOutput[]).map((o) => o.treat);
    outputs.set('treatment.csv', stringify(treatmentTable(details, run.times, panel)));
  }
  const aggStep = run.stageNames.lastIndexOf('Aggregated');
  if (aggStep >= 0)
    outputs.set('results.csv', stringify(resultsTable(run, aggStep, tables.framework, panel)));
  const provenance = {
    engine: { name: 'makeratlas', version: opts.engineVersion },
    pipeline: spec,
    inputs: {
      idata: { file: basename(opts.idata), sha256: sha256(idataBytes) },
      imeta: { file: basename(opts.imeta), sha256: sha256(imetaBytes) },
      pipeline: { file: specFile, sha256: sha256(specBytes) },
    },
    timePoints: run.times.map((t) => t ?? null),
    outputs: Object.fromEntries([...outputs].map(([f, text]) => [f, { sha256: sha256(text) }])),
  };
  outputs.set('provenance.json', `${JSON.stringify(provenance, null, 2)}\n`);
  await mkdir(opts.outDir, { recursive: true });
  for (const [file, text] of outputs) await writeFile(join(opts.outDir, file), text);
  return { ok: true, issues, files: [...outputs.keys()], timePoints: run.times.length };
};
