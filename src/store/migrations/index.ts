// The migration history, listed statically (no folder scan) so it works from dist/ and bundles.
// Append only: never edit or reorder a migration that has shipped.
import type { Migration } from 'kysely';
import * as m0001 from './0001-spaces.js';
import * as m0002 from './0002-imports.js';
import * as m0003 from './0003-annual-reports.js';
import * as m0004 from './0004-cohort-firms.js';
import * as m0005 from './0005-index-releases.js';
import * as m0006 from './0006-users.js';
import * as m0007 from './0007-jobs.js';
import * as m0008 from './0008-spaces-notify.js';
import * as m0009 from './0009-index-details.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-spaces': m0001,
  '0002-imports': m0002,
  '0003-annual-reports': m0003,
  '0004-cohort-firms': m0004,
  '0005-index-releases': m0005,
  '0006-users': m0006,
  '0007-jobs': m0007,
  '0008-spaces-notify': m0008,
  '0009-index-details': m0009,
};
