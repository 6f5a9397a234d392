// The index structure (COINr's iMeta), checked once and indexed so that pipeline runs look
// nothing up by searching.
import type { InputIssue } from '../domain/issue.js';
import type { Framework, MetaRow } from './types.js';

/**
 * Order of codes as R sorts character vectors in an English locale (COINr groups aggregates with
 * `tapply`/`order`, which sort by the locale's collation, so parity needs the same order).
 * ICU's English collation agrees with glibc's en_US for letters and digits; codes with
 * punctuation may order differently (documented limitation).
 */
const collator = new Intl.Collator('en', { sensitivity: 'variant', numeric: false });
export const compareCodes = (a: string, b: string): number =>
  collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

class IndexFramework implements Framework {
  readonly meta: readonly MetaRow[];
  readonly maxLevel: number;
  private readonly byCode = new Map<string, MetaRow>();
  private readonly children = new Map<string, MetaRow[]>();
  private readonly levels = new Map<number, MetaRow[]>();
  private readonly inds: MetaRow[];
  private readonly groups: string[];
  private readonly denoms: string[];

  constructor(meta: readonly MetaRow[]) {
    this.meta = meta;
    let max = 0;
    for (const row of meta) {
      this.byCode.set(row.iCode, row);
      if (row.type !== 'Indicator' && row.type !== 'Aggregate') continue;
      max = Math.max(max, row.level);
      const atLevel = this.levels.get(row.level) ?? [];
      atLevel.push(row);
      this.levels.set(row.level, atLevel);
      if (row.parent !== null) {
        const kids = this.children.get(row.parent) ?? [];
        kids.push(row);
        this.children.set(row.parent, kids);
      }
    }
    this.maxLevel = max;
    this.inds = meta.filter((r) => r.type === 'Indicator');
    this.groups = meta.filter((r) => r.type === 'Group').map((r) => r.iCode);
    this.denoms = meta.filter((r) => r.type === 'Denominator').map((r) => r.iCode);
  }

  indicators(): readonly MetaRow[] {
    return this.inds;
  }
  atLevel(level: number): readonly MetaRow[] {
    return this.levels.get(level) ?? [];
  }
  childrenOf(code: string): readonly MetaRow[] {
    return this.children.get(code) ?? [];
  }
  levelOf(code: string): number {
    const row = this.byCode.get(code);
    return row && (row.type === 'Indicator' || row.type === 'Aggregate') ? row.level : NaN;
  }
  get(code: string): MetaRow | undefined {
    return this.byCode.get(code);
  }
  groupCodes(): readonly string[] {
    return this.groups;
  }
  denominatorCodes(): readonly string[] {
    return this.denoms;
  }
}

export interface FrameworkResult {
  /** Undefined when any issue is an error. */
  framework: Framework | undefined;
  issues: InputIssue[];
}

/**
 * Checks iMeta rows and builds the Framework. Every problem is returned as an InputIssue naming
 * the row (1-based data row + 1 for the header, like a spreadsheet) and the field.
 */
export const buildFramework = (meta: readonly MetaRow[], file?: string): FrameworkResult => {
  const issues: InputIssue[] = [];
  const err = (row: number, field: string, code: string, message: string): void => {
    issues.push({ severity: 'error', code, ...(file ? { file } : {}), row: row + 2, field, message });
  };
  const seen = new Map<string, number>();
  meta.forEach((r, i) => {
    if (!r.iCode) err(i, 'iCode', 'imeta.code.missing', 'iCode is empty; every iMeta row needs a code');
    else if (seen.has(r.iCode))
      err(
        i,
        'iCode',
        'imeta.code.duplicate',
        `iCode "${r.iCode}" also on row ${(seen.get(r.iCode) ?? 0) + 2}`,
      );
    else seen.set(r.iCode, i);
    if (r.iCode && /\s/.test(r.iCode))
      err(i, 'iCode', 'imeta.code.space', `iCode "${r.iCode}" contains a space`);
  });
  const byCode = new Map(meta.map((r) => [r.iCode, r] as const));
  meta.forEach((r, i) => {
    if (r.type !== 'Indicator' && r.type !== 'Aggregate') return;
    if (!Number.isInteger(r.level) || r.level < 1)
      err(i, 'Level', 'imeta.level.invalid', `Level of "${r.iCode}" must be a whole number >= 1`);
    if (r.type === 'Indicator' && r.level !== 1)
      err(i, 'Level', 'imeta.level.indicator', `"${r.iCode}" has Type Indicator, so its Level must be 1`);
    if (r.type === 'Aggregate' && r.level < 2)
      err(i, 'Level', 'imeta.level.aggregate', `"${r.iCode}" has Type Aggregate, so its Level must be >= 2`);
    if (r.direction !== 1 && r.direction !== -1)
      err(i, 'Direction', 'imeta.direction.invalid', `Direction of "${r.iCode}" must be 1 or -1`);
    if (!Number.isFinite(r.weight))
      err(i, 'Weight', 'imeta.weight.invalid', `Weight of "${r.iCode}" must be a number`);
    if (r.parent === null) return;
    const parent = byCode.get(r.parent);
    if (!parent)
      err(i, 'Parent', 'imeta.parent.unknown', `Parent "${r.parent}" of "${r.iCode}" is not an iCode`);
    else if (parent.type !== 'Aggregate')
      err(i, 'Parent', 'imeta.parent.type', `Parent "${r.parent}" of "${r.iCode}" must have Type Aggregate`);
    else if (parent.level !== r.level + 1)
      err(
        i,
        'Parent',
        'imeta.parent.level',
        `Parent "${r.parent}" of "${r.iCode}" must be at Level ${r.level + 1}`,
      );
  });
  const structural = meta.filter((r) => r.type === 'Indicator' || r.type === 'Aggregate');
  const maxLevel = structural.reduce((m, r) => Math.max(m, r.level), 0);
  meta.forEach((r, i) => {
    if (r.type !== 'Indicator' && r.type !== 'Aggregate') return;
    if (r.level < maxLevel && r.parent === null)
      err(
        i,
        'Parent',
        'imeta.parent.missing',
        `"${r.iCode}" is below the top level ${maxLevel} but has no Parent`,
      );
    if (r.type === 'Aggregate' && !meta.some((c) => c.parent === r.iCode))
      err(
        i,
        'iCode',
        'imeta.aggregate.empty',
        `Aggregate "${r.iCode}" has no children (no row names it as Parent)`,
      );
  });
  if (!meta.some((r) => r.type === 'Indicator'))
    issues.push({
      severity: 'error',
      code: 'imeta.indicators.none',
      ...(file ? { file } : {}),
      message: 'iMeta has no row of Type Indicator',
    });
  return {
    framework: issues.some((i) => i.severity === 'error') ? undefined : new IndexFramework(meta),
    issues,
  };
};

/** Throwing variant for code paths where the metadata is already known to be valid. */
export const frameworkOf = (meta: readonly MetaRow[]): Framework => {
  const { framework, issues } = buildFramework(meta);
  if (!framework) throw new Error(`invalid framework: ${issues.map((i) => i.message).join('; ')}`);
  return framework;
};

/** One aggregation group: an aggregate and the positions of its children in the previous level's list. */
export interface AggregateGroup {
  code: string;
  children: string[];
  weights: Float64Array;
}

/**
 * The aggregates built at each level, in COINr's column order: for each level from 2 up, the
 * parents of the level below sorted by code (COINr groups with `tapply`, which sorts).
 * Children keep iMeta order.
 */
export const aggregationPlan = (fw: Framework): AggregateGroup[][] => {
  const plan: AggregateGroup[][] = [];
  for (let lev = 2; lev <= fw.maxLevel; lev++) {
    const below = fw.atLevel(lev - 1);
    const parents = [...new Set(below.map((r) => r.parent).filter((p): p is string => p !== null))].sort(
      compareCodes,
    );
    plan.push(
      parents.map((code) => {
        const kids = below.filter((r) => r.parent === code);
        return {
          code,
          children: kids.map((k) => k.iCode),
          weights: Float64Array.from(kids, (k) => k.weight),
        };
      }),
    );
  }
  return plan;
};

/**
 * Indicator codes in COINr's "lineage" order (its `Meta$Lineage` table): sorted by the ancestor at
 * the top level, then the next level down, ..., then the indicator code itself.
 */
export const lineageOrder = (fw: Framework): string[] => {
  const path = (code: string): string[] => {
    const out: string[] = [];
    let row = fw.get(code);
    while (row) {
      out.unshift(row.iCode);
      row = row.parent === null ? undefined : fw.get(row.parent);
    }
    return out;
  };
  const paths = fw.indicators().map((r) => path(r.iCode));
  return paths
    .sort((a, b) => {
      for (let k = 0; k < Math.min(a.length, b.length); k++) {
        const c = compareCodes(a[k] ?? '', b[k] ?? '');
        if (c !== 0) return c;
      }
      return a.length - b.length;
    })
    .map((p) => p[p.length - 1] ?? '');
};

/**
 * Indicator and aggregate codes as COINr's results tables order them: `order(-Level, Parent)`,
 * a stable sort (iMeta order breaks ties), parents compared by code, a missing parent last.
 */
export const resultsOrder = (fw: Framework): MetaRow[] => {
  const rows = fw.meta.filter((r) => r.type === 'Indicator' || r.type === 'Aggregate');
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      if (a.r.level !== b.r.level) return b.r.level - a.r.level;
      const pa = a.r.parent;
      const pb = b.r.parent;
      if (pa !== pb) {
        if (pa === null) return 1;
        if (pb === null) return -1;
        const c = compareCodes(pa, pb);
        if (c !== 0) return c;
      }
      return a.i - b.i;
    })
    .map((x) => x.r);
};
