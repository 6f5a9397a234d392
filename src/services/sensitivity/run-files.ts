// The file-level use case behind `makeratlas index sensitivity`: reads COINr-style inputs, a
// pipeline spec and a sensitivity spec, runs the analysis on worker threads and writes
// rank_stats.csv, sensitivity_indices.csv (SA) and provenance.json. Bad input comes back as issues
// naming the file and the JSON pointer or row; then nothing is written.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { InputIssue } from '../../domain/issue.js';
import type { WeightSets } from '../../engine/aggregate/aggregate.js';
import { EngineError, PipelineSpecError, splitByTime } from '../../engine/pipeline/index.js';
import {
  SensitivitySpecError,
  type SensitivityProgress,
  type SensitivityResult,
} from '../../engine/sensitivity/index.js';
import { readCoinrTables } from '../../io/coinr-tables.js';
import { formatNumber } from '../index-run.js';
import { runSensitivity } from './run-sensitivity.js';

export interface SensitivityFilesOptions {
  /** iData file (CSV or XLSX). */
  idata: string;
  /** iMeta file (CSV or XLSX). */
  imeta: string;
  /** Pipeline spec (JSON). */
  pipeline: string;
  /** Sensitivity spec (JSON). */
  spec: string;
  /** Output folder (created if missing). */
  outDir: string;
  /** Threads (calling thread included); default every core. Results do not depend on it. */
  threads?: number;
  onProgress?: (p: SensitivityProgress) => void;
  /** Overrides the spec's seed. */
  seed?: number;
  /** The engine version to record (package.json "version"). */
  engineVersion?: string;
  /** Character encoding of CSV inputs when not UTF-8 (e.g. 'gbk'). */
  encoding?: string;
  weightSets?: WeightSets;
}

export interface SensitivityFilesReport {
  ok: boolean;
  issues: InputIssue[];
  /** Files written, relative to outDir (empty when not ok). */
  files: string[];
  result?: SensitivityResult;
}

const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

const parseJson = (bytes: Buffer, file: string, issues: InputIssue[]): unknown => {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    issues.push({
      severity: 'error',
      code: 'json.syntax',
      file,
      message: `not valid JSON: ${(e as Error).message}`,
    });
    return undefined;
  }
};

export const rankStatsTable = (r: SensitivityResult): string[][] => [
  ['uCode', 'Nominal', 'Mean', 'Median', 'Q5', 'Q95'],
  ...r.rankStats.map((s) => [s.uCode, ...[s.Nominal, s.Mean, s.Median, s.Q5, s.Q95].map(formatNumber)]),
];

export const indicesTable = (r: SensitivityResult): string[][] => [
  ['Variable', 'Si', 'STi', 'Si_q5', 'Si_q95', 'STi_q5', 'STi_q95'],
  ...(r.indices ?? []).map((s) => [
    s.Variable,
    ...[s.Si, s.STi, s.Si_q5, s.Si_q95, s.STi_q5, s.STi_q95].map(formatNumber),
  ]),
];

/**
 * Runs the analysis in `spec` on `idata` + `imeta` through the pipeline in `pipeline` and writes
 * `rank_stats.csv` (uCode, Nominal, Mean, Median, Q5, Q95), for SA `sensitivity_indices.csv`
 * (Variable, Si, STi, Si_q5, Si_q95, STi_q5, STi_q95), and `provenance.json`.
 */
export const runSensitivityFiles = async (opts: SensitivityFilesOptions): Promise<SensitivityFilesReport> => {
  const [idataBytes, imetaBytes, pipelineBytes, specBytes] = await Promise.all([
    readFile(opts.idata),
    readFile(opts.imeta),
    readFile(opts.pipeline),
    readFile(opts.spec),
  ]);
  const fail = (issues: InputIssue[]): SensitivityFilesReport => ({ ok: false, issues, files: [] });
  const enc = opts.encoding ? { encoding: opts.encoding } : {};
  const tables = await readCoinrTables(
    { name: basename(opts.idata), content: idataBytes, ...enc },
    { name: basename(opts.imeta), content: imetaBytes, ...enc },
  );
  const issues = [...tables.issues];
  const pipelineFile = basename(opts.pipeline);
  const specFile = basename(opts.spec);
  const pipelineSpec = parseJson(pipelineBytes, pipelineFile, issues);
  const sensSpec = parseJson(specBytes, specFile, issues);
  if (issues.some((i) => i.severity === 'error') || !tables.framework || !tables.state) return fail(issues);

  let result: SensitivityResult;
  try {
    result = await runSensitivity({
      meta: tables.meta,
      state: splitByTime(tables.state),
      pipelineSpec,
      sensSpec,
      ...(opts.weightSets ? { weightSets: opts.weightSets } : {}),
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
  } catch (e) {
    if (e instanceof PipelineSpecError)
      return fail([...issues, ...e.issues.map((i) => ({ ...i, file: pipelineFile }))]);
    if (e instanceof SensitivitySpecError)
      return fail([...issues, ...e.issues.map((i) => ({ ...i, file: specFile }))]);
    if (e instanceof EngineError)
      return fail([
        ...issues,
        { severity: 'error', code: e.code, file: basename(opts.idata), message: e.message },
      ]);
    throw e;
  }

  const outputs = new Map<string, string>();
  outputs.set('rank_stats.csv', stringify(rankStatsTable(result)));
  if (result.indices) outputs.set('sensitivity_indices.csv', stringify(indicesTable(result)));
  const provenance = {
    engine: { name: 'makeratlas', version: opts.engineVersion ?? 'unknown' },
    analysis: {
      type: result.type,
      N: result.N,
      runs: result.runs,
      seed: result.seed,
      failedRuns: result.failures,
      ...(result.firstFailure ? { firstFailure: result.firstFailure } : {}),
      ...(result.variance !== undefined ? { variance: result.variance } : {}),
    },
    pipeline: pipelineSpec,
    sensitivity: sensSpec,
    inputs: {
      idata: { file: basename(opts.idata), sha256: sha256(idataBytes) },
      imeta: { file: basename(opts.imeta), sha256: sha256(imetaBytes) },
      pipeline: { file: pipelineFile, sha256: sha256(pipelineBytes) },
      spec: { file: specFile, sha256: sha256(specBytes) },
    },
    outputs: Object.fromEntries([...outputs].map(([f, text]) => [f, { sha256: sha256(text) }])),
  };
  outputs.set('provenance.json', `${JSON.stringify(provenance, null, 2)}\n`);
  await mkdir(opts.outDir, { recursive: true });
  for (const [file, text] of outputs) await writeFile(join(opts.outDir, file), text);
  return { ok: true, issues, files: [...outputs.keys()], result };
};
