// Kysely table types: what a row looks like to callers once src/store/database.ts has normalised the
// driver's values. A column name means one kind of value in every table (see JSON_COLUMNS and
// BOOLEAN_COLUMNS), because the normaliser works by column name.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { InputIssue } from '../domain/issue.js';
import type { Link, MembershipPlan, Provenance, SourceRef } from '../domain/space.js';

/** Stored as JSON text; read back as the parsed value; written as a JSON string. */
export type Json<T> = ColumnType<T, string, string>;
/** A JSON column that may be SQL NULL. */
export type JsonOrNull<T> = ColumnType<T | null, string | null, string | null>;
/** PostgreSQL boolean, SQLite 0/1; read back as a boolean on both; booleans may be written on both. */
export type Bool = ColumnType<boolean, boolean, boolean>;

export type ProfileRecord = Record<string, string | number | boolean | null>;

export interface SpacesTable {
  id: string;
  name_zh: string | null;
  name_en: string | null;
  type: string;
  status: string;
  founded_on: string | null;
  closed_on: string | null;
  country_code: string;
  region_code: string | null;
  city: string | null;
  address: string | null;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
  approximate: Bool;
  operator_name: string | null;
  legal_form: string | null;
  ownership: string | null;
  area_m2: number | null;
  workstations: number | null;
  membership_plans: Json<MembershipPlan[]>;
  equipment: Json<string[]>;
  services: Json<string[]>;
  opening_hours: string | null;
  links: Json<Link[]>;
  certification: string;
  certification_grade: string | null;
  description: string | null;
  synthetic: Bool;
  profile: Json<ProfileRecord>;
  sources: Json<SourceRef[]>;
  provenance: Json<Record<string, Provenance>>;
  created_at: string;
  updated_at: string;
  /** Derived: names in zh and en, pinyin in full and initials; lowercased, whitespace removed. */
  search_text: string;
  /** Derived: display name as lowercased pinyin/latin text, so 柴火 sorts under "c". */
  name_sort: string;
  /** Derived: year of founded_on, for statistics and the founded sort. */
  founded_year: number | null;
}

export interface SpaceSourceIdsTable {
  source: string;
  source_id: string;
  space_id: string;
}

export const IMPORT_STATUSES = ['committed', 'dry_run', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportsTable {
  id: string;
  at: string;
  actor: string;
  file: string | null;
  format: string;
  counts: Json<Record<string, number>>;
  dry_run: Bool;
  status: ImportStatus;
  issues: Json<InputIssue[]>;
}

export const REPORT_STATUSES = ['draft', 'submitted', 'accepted'] as const;

/** National statistics survey fields (CHINA-FACTS §3); money in 千元 (thousand CNY). */
export interface AnnualReportsTable {
  space_id: string;
  year: number;
  area_m2: number | null;
  workstations: number | null;
  staff: number | null;
  mentors: number | null;
  teams_served: number | null;
  team_members: number | null;
  startups_served: number | null;
  jobs: number | null;
  jobs_fresh_graduates: number | null;
  teams_students: number | null;
  teams_returnees: number | null;
  teams_scientists: number | null;
  teams_executives: number | null;
  teams_foreigners: number | null;
  teams_first_time: number | null;
  financed_count: number | null;
  financing_k_cny: number | null;
  events: number | null;
  trainings: number | null;
  valid_ip: number | null;
  invention_patents: number | null;
  revenue_k_cny: number | null;
  service_revenue_k_cny: number | null;
  operating_cost_k_cny: number | null;
  subsidy_k_cny: number | null;
  tax_relief_k_cny: number | null;
  service_types: JsonOrNull<string[]>;
  listed_firms: number | null;
  ownership: string | null;
  status: Generated<(typeof REPORT_STATUSES)[number]>;
  created_at: string;
  updated_at: string;
}

export const EXIT_KINDS = ['graduated', 'resident', 'closed', 'moved', 'acquired'] as const;

export interface CohortFirmsTable {
  id: string;
  space_id: string;
  name: string;
  entered_on: string;
  exited_on: string | null;
  exit_kind: (typeof EXIT_KINDS)[number] | null;
  synthetic: Bool;
}

export interface IndexReleasesTable {
  id: string;
  framework_id: string;
  framework_version: string;
  year_from: number;
  year_to: number;
  data_hash: string;
  engine_version: string;
  created_at: string;
  status: string;
  provenance: Json<Record<string, unknown>>;
}

export const SCORE_LEVELS = ['space', 'province', 'prefecture'] as const;

export interface IndexScoresTable {
  release_id: string;
  level: (typeof SCORE_LEVELS)[number];
  unit_id: string;
  year: number;
  i_code: string;
  score: number | null;
  rank: number | null;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  status: string;
  progress: number;
  total: number | null;
  result: JsonOrNull<unknown>;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface Tables {
  spaces: SpacesTable;
  space_source_ids: SpaceSourceIdsTable;
  imports: ImportsTable;
  annual_reports: AnnualReportsTable;
  cohort_firms: CohortFirmsTable;
  index_releases: IndexReleasesTable;
  index_scores: IndexScoresTable;
  users: UsersTable;
  jobs: JobsTable;
}

export type SpaceRow = Selectable<SpacesTable>;
export type NewSpaceRow = Insertable<SpacesTable>;

/** Columns stored as JSON text in every table that has them; parsed on read. */
export const JSON_COLUMNS: ReadonlySet<string> = new Set([
  'membership_plans',
  'equipment',
  'services',
  'links',
  'profile',
  'sources',
  'provenance',
  'counts',
  'issues',
  'service_types',
  'result',
]);

/** Columns that are booleans (SQLite stores 0/1). */
export const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set(['approximate', 'synthetic', 'dry_run']);
