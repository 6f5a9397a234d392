import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveWeights } from '../../engine/weights/effective.js';
import {
  engineFramework,
  FrameworkError,
  listFrameworks,
  loadFramework,
  metaRows,
  parseFramework,
} from './framework.js';
import type { MakerFramework } from './framework-schema.js';

const shipped = loadFramework();
const copy = (): MakerFramework => structuredClone(shipped);
const issuesOf = (doc: unknown) => parseFramework(doc, 'v9.json').issues;

describe('the shipped framework v1', () => {
  it('loads, with the pillar weights of MAKER-INDEX §4 and the scale pillar at 0', () => {
    expect(shipped.id).toBe('makeratlas-maker-index');
    expect(shipped.version).toBe('1.0.0');
    expect(Object.fromEntries(shipped.space.pillars.map((p) => [p.code, p.weight]))).toEqual({
      SC: 0.3,
      IP: 0.4,
      OS: 0.15,
      SU: 0.15,
      SZ: 0,
    });
    expect(shipped.space.indicators).toHaveLength(21);
    expect(listFrameworks().map((f) => `${f.id}@${f.version}`)).toContain('makeratlas-maker-index@1.0.0');
  });

  it('gives the scale indicators no effective weight and the rest their pillar share', () => {
    const fw = engineFramework(metaRows(shipped, 'space'));
    const eff = new Map(effectiveWeights(fw).map((r) => [r.iCode, r.effWeight]));
    expect(eff.get('sz_area')).toBe(0);
    expect(eff.get('IP')).toBeCloseTo(0.4, 15);
    // Six incubation indicators of equal weight share 0.4.
    expect(eff.get('ip_survival2y')).toBeCloseTo(0.4 / 6, 15);
    const total = [...eff].filter(([c]) => fw.levelOf(c) === 1).reduce((s, [, w]) => s + w, 0);
    expect(total).toBeCloseTo(1, 14);
  });

  it('drops per-resident indicators, and a pillar left empty, at prefecture level', () => {
    const province = metaRows(shipped, 'province').map((r) => r.iCode);
    const prefecture = metaRows(shipped, 'prefecture').map((r) => r.iCode);
    expect(province).toContain('r_spaces_pm');
    expect(province).toContain('RO');
    expect(prefecture).not.toContain('r_spaces_pm');
    expect(prefecture).not.toContain('RO');
    expect(prefecture).toContain('r_median_index');
  });

  it('has a group row for imputation by space type', () => {
    const group = metaRows(shipped, 'space').find((r) => r.type === 'Group');
    expect(group?.iCode).toBe('Type_group');
  });
});

describe('checking a framework document', () => {
  it('names the place of a schema error', () => {
    const doc = copy() as unknown as { space: { pillars: { weight: unknown }[] } };
    (doc.space.pillars[0] as { weight: unknown }).weight = -1;
    const issues = issuesOf(doc);
    expect(issues[0]).toMatchObject({ severity: 'error', file: 'v9.json', path: '/space/pillars/0/weight' });
  });

  it('checks references, codes and formula parameters', () => {
    const doc = copy();
    (doc.space.indicators[0] as { pillar: string }).pillar = 'XX';
    (doc.space.indicators[1] as { code: string }).code = 'sc_mentors';
    (doc.space.indicators[3] as { params: Record<string, unknown> }).params = {
      num: ['mentorz'],
      den: ['jobs'],
    };
    (doc.region.indicators[5] as { params: Record<string, unknown> }).params = { indicator: 'sc_staff' };
    const issues = issuesOf(doc);
    const byPath = new Map(issues.map((i) => [i.path, i]));
    expect(byPath.get('/space/indicators/0/pillar')?.message).toMatch(/"XX" is not one of SC, IP/);
    expect(byPath.get('/space/indicators/1/code')?.code).toBe('framework.code.duplicate');
    expect(byPath.get('/space/indicators/3/params/num/0')?.code).toBe('framework.schema');
    expect(byPath.get('/region/indicators/5/params/indicator')?.message).toMatch(/km_survival/);
  });

  it('compiles the pipelines and the uncertainty spec against the framework', () => {
    const doc = copy();
    (doc.space.pipeline as { steps: Record<string, unknown>[] }).steps[5] = {
      step: 'Aggregate',
      f_ag: 'a_nope',
    };
    (doc.uncertainty as { inputs: { address: string }[] }).inputs[0]!.address = '/steps/9/x';
    const issues = issuesOf(doc);
    expect(issues.find((i) => i.path === '/space/pipeline/steps/5/f_ag')?.message).toMatch(
      /unknown aggregation method "a_nope"/,
    );
    expect(issues.find((i) => i.path === '/uncertainty/inputs/0/address')?.code).toBe(
      'framework.uncertainty.address',
    );
  });

  it('refuses a pillar with no indicator and all-zero pillar weights', () => {
    const doc = copy();
    doc.region.pillars.push({ code: 'RX', nameZh: '空', nameEn: 'Empty', weight: 1 });
    for (const p of doc.space.pillars) p.weight = 0;
    const codes = issuesOf(doc).map((i) => i.code);
    expect(codes).toContain('framework.pillar.empty');
    expect(codes).toContain('framework.weights.zero');
  });

  it('throws FrameworkError naming the file for unreadable JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'makeratlas-fw-'));
    try {
      const file = join(dir, 'broken.json');
      writeFileSync(file, '{ "id": ');
      expect(() => loadFramework(file)).toThrow(FrameworkError);
      try {
        loadFramework(file);
      } catch (e) {
        expect((e as FrameworkError).issues[0]).toMatchObject({
          code: 'framework.json',
          file: 'broken.json',
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
