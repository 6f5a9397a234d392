// Denominate: divide extensive indicators by a scaling variable (COINr `Denominate()`):
//   x_denominated = x / (denominator / ScaleFactor)
// Defaults follow COINr: the iMeta `Denominator` column says which indicator is divided by
// which denominator column of iData; ScaleFactor defaults to 1.
import type { Framework } from '../types.js';
import { EngineError, PipelineSpecError, specIssue } from '../pipeline/errors.js';
import type { DenominateArgs } from '../pipeline/spec.js';
import { perTimePoint, type CompiledStep, type RunState } from '../pipeline/state.js';
import type { InputIssue } from '../../domain/issue.js';

interface Rule {
  iCode: string;
  denominator: string;
  scale: number;
}

export const compileDenominate = (args: DenominateArgs, fw: Framework, index: number): CompiledStep => {
  const base = `/steps/${index}`;
  const issues: InputIssue[] = [];
  const rules: Rule[] = args.denomby
    ? args.denomby.map((r) => ({ iCode: r.iCode, denominator: r.Denominator, scale: r.ScaleFactor ?? 1 }))
    : fw
        .indicators()
        .flatMap((r) => (r.denominator ? [{ iCode: r.iCode, denominator: r.denominator, scale: 1 }] : []));
  rules.forEach((r, k) => {
    if (fw.levelOf(r.iCode) !== 1) {
      issues.push(
        specIssue(
          `${base}/denomby/${k}/iCode`,
          'denominate.icode.unknown',
          `step ${index + 1} (Denominate): "${r.iCode}" is not an indicator of the framework`,
        ),
      );
    }
    if (!(r.scale !== 0 && Number.isFinite(r.scale))) {
      issues.push(
        specIssue(
          `${base}/denomby/${k}/ScaleFactor`,
          'denominate.scale.invalid',
          `step ${index + 1} (Denominate): ScaleFactor of "${r.iCode}" must be a non-zero number`,
        ),
      );
    }
  });
  const idCol = args.denoms_ID ?? 'uCode';
  // Inline denominators: a lookup uCode -> column -> value.
  let inline: Map<string, Map<string, number>> | undefined;
  if (args.denoms) {
    inline = new Map();
    args.denoms.forEach((row, k) => {
      const id = row[idCol];
      if (typeof id !== 'string') {
        issues.push(
          specIssue(
            `${base}/denoms/${k}/${idCol}`,
            'denominate.denoms.id',
            `step ${index + 1} (Denominate): each denoms row needs a string "${idCol}"`,
          ),
        );
        return;
      }
      const vals = new Map<string, number>();
      for (const [key, v] of Object.entries(row))
        if (key !== idCol)
          vals.set(key, typeof v === 'number' ? v : v === null || v === '' ? NaN : Number(v));
      inline?.set(id, vals);
    });
  }
  if (issues.length) throw new PipelineSpecError(issues);

  const run = (s: RunState): RunState => {
    const { data, units } = s;
    const colOf = new Map(data.iCodes.map((c, j) => [c, j] as const));
    const denomCol = new Map(units.denominators.iCodes.map((c, j) => [c, j] as const));
    const cols = data.cols.slice();
    for (const r of rules) {
      const j = colOf.get(r.iCode);
      if (j === undefined)
        throw new EngineError(
          'denominate.column.missing',
          `Denominate: indicator "${r.iCode}" is not in the data set`,
        );
      const x = data.cols[j] as Float64Array;
      const out = new Float64Array(x.length);
      if (inline) {
        for (let i = 0; i < x.length; i++) {
          const d = inline.get(data.uCodes[i] as string)?.get(r.denominator);
          if (d === undefined)
            throw new EngineError(
              'denominate.denoms.missing',
              `Denominate: no "${r.denominator}" value for unit "${data.uCodes[i]}" in denoms`,
            );
          out[i] = (x[i] as number) / (d / r.scale);
        }
      } else {
        const dj = denomCol.get(r.denominator);
        if (dj === undefined)
          throw new EngineError(
            'denominate.denominator.missing',
            `Denominate: denominator "${r.denominator}" (for "${r.iCode}") is not a column of iData`,
          );
        const d = units.denominators.cols[dj] as Float64Array;
        for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) / ((d[i] as number) / r.scale);
      }
      cols[j] = out;
    }
    return { data: { uCodes: data.uCodes, iCodes: data.iCodes, cols }, units };
  };
  return {
    type: 'Denominate',
    stage: 'Denominated',
    input: args.dset,
    run: perTimePoint((s) => ({ state: run(s) })),
  };
};
