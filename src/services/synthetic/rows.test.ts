import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AnnualReport } from '../../domain/annual-report.js';
import type { CohortFirm } from '../../domain/cohort.js';
import type { AnnualReportsTable, CohortFirmsTable } from '../../store/tables.js';
import { annualReportRow, cohortFirmRow } from './rows.js';

/** camelCase → snake_case at the type level: areaM2 → area_m2, financingKCny → financing_k_cny. */
type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}`
  : S;
type Bookkeeping = 'created_at' | 'updated_at';

describe('report and cohort rows', () => {
  it('name exactly the table columns (checked by tsc)', () => {
    expectTypeOf<Snake<keyof AnnualReport & string>>().toEqualTypeOf<
      Exclude<keyof AnnualReportsTable, Bookkeeping>
    >();
    expectTypeOf<Snake<keyof CohortFirm & string>>().toEqualTypeOf<keyof CohortFirmsTable>();
  });

  it('copy every field', () => {
    const report: AnnualReport = {
      spaceId: 's1',
      year: 2019,
      areaM2: 1200,
      workstations: 80,
      staff: 5,
      mentors: 6,
      teamsServed: 20,
      teamMembers: 70,
      startupsServed: 12,
      jobs: 90,
      jobsFreshGraduates: 11,
      teamsStudents: 5,
      teamsReturnees: 1,
      teamsScientists: 2,
      teamsExecutives: 1,
      teamsForeigners: 0,
      teamsFirstTime: 12,
      financedCount: 2,
      financingKCny: 3000,
      events: 15,
      trainings: 10,
      validIp: 8,
      inventionPatents: 1,
      revenueKCny: 2500,
      serviceRevenueKCny: 900,
      operatingCostKCny: 2600,
      subsidyKCny: 300,
      taxReliefKCny: 20,
      serviceTypes: ['mentoring', 'financing'],
      listedFirms: 0,
      ownership: 'private',
      status: 'accepted',
    };
    const row = annualReportRow(report, '2026-01-01T00:00:00Z');
    expect(Object.keys(row)).toHaveLength(Object.keys(report).length + 2);
    expect(row).toMatchObject({
      space_id: 's1',
      area_m2: 1200,
      financing_k_cny: 3000,
      tax_relief_k_cny: 20,
      listed_firms: 0,
    });
    expect(JSON.parse(row.service_types as string)).toEqual(['mentoring', 'financing']);
    const firm: CohortFirm = {
      id: 'f1',
      spaceId: 's1',
      name: '云途智能',
      enteredOn: '2017-03-01',
      exitedOn: null,
      exitKind: 'resident',
      synthetic: true,
    };
    expect(cohortFirmRow(firm)).toEqual({
      id: 'f1',
      space_id: 's1',
      name: '云途智能',
      entered_on: '2017-03-01',
      exited_on: null,
      exit_kind: 'resident',
      synthetic: true,
    });
  });
});
