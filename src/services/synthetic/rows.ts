// Generated reports and cohort firms as rows of the store's `annual_reports` and `cohort_firms`
// tables, for the seeder. Typed against the table types, so a column added or renamed on either side
// fails to compile (see rows.test.ts for the check that no column is left out).
import type { Insertable } from 'kysely';
import type { AnnualReport } from '../../domain/annual-report.js';
import type { CohortFirm } from '../../domain/cohort.js';
import type { AnnualReportsTable, CohortFirmsTable } from '../../store/tables.js';

/** A report row; `spaceId` must already be the stored space id (see ReportOptions.idOf). */
export const annualReportRow = (r: AnnualReport, now: string): Insertable<AnnualReportsTable> => ({
  space_id: r.spaceId,
  year: r.year,
  area_m2: r.areaM2,
  workstations: r.workstations,
  staff: r.staff,
  mentors: r.mentors,
  teams_served: r.teamsServed,
  team_members: r.teamMembers,
  startups_served: r.startupsServed,
  jobs: r.jobs,
  jobs_fresh_graduates: r.jobsFreshGraduates,
  teams_students: r.teamsStudents,
  teams_returnees: r.teamsReturnees,
  teams_scientists: r.teamsScientists,
  teams_executives: r.teamsExecutives,
  teams_foreigners: r.teamsForeigners,
  teams_first_time: r.teamsFirstTime,
  financed_count: r.financedCount,
  financing_k_cny: r.financingKCny,
  events: r.events,
  trainings: r.trainings,
  valid_ip: r.validIp,
  invention_patents: r.inventionPatents,
  revenue_k_cny: r.revenueKCny,
  service_revenue_k_cny: r.serviceRevenueKCny,
  operating_cost_k_cny: r.operatingCostKCny,
  subsidy_k_cny: r.subsidyKCny,
  tax_relief_k_cny: r.taxReliefKCny,
  service_types: JSON.stringify(r.serviceTypes),
  listed_firms: r.listedFirms,
  ownership: r.ownership,
  status: r.status,
  created_at: now,
  updated_at: now,
});

export const cohortFirmRow = (f: CohortFirm): Insertable<CohortFirmsTable> => ({
  id: f.id,
  space_id: f.spaceId,
  name: f.name,
  entered_on: f.enteredOn,
  exited_on: f.exitedOn,
  exit_kind: f.exitKind,
  synthetic: f.synthetic,
});
