// The registry: one row per space, every field of domain Space, plus derived columns for search,
// sorting and statistics (filled by the spaces repository, never by callers).
import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf } from './column-types.js';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  const dialect = dialectOf(db);
  const t = columnTypes(dialect);
  await db.schema
    .createTable('spaces')
    .addColumn('id', t.key, (c) => c.primaryKey())
    .addColumn('name_zh', 'text')
    .addColumn('name_en', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('founded_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('city', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('lat', t.float)
    .addColumn('lon', t.float)
    .addColumn('approximate', t.bool, (c) => c.notNull())
    .addColumn('operator_name', 'text')
    .addColumn('legal_form', 'text')
    .addColumn('ownership', 'text')
    .addColumn('area_m2', t.float)
    .addColumn('workstations', 'integer')
    .addColumn('membership_plans', t.json, (c) => c.notNull())
    .addColumn('equipment', t.json, (c) => c.notNull())
    .addColumn('services', t.json, (c) => c.notNull())
    .addColumn('opening_hours', 'text')
    .addColumn('links', t.json, (c) => c.notNull())
    .addColumn('certification', 'text', (c) => c.notNull())
    .addColumn('certification_grade', 'text')
    .addColumn('description', 'text')
    .addColumn('synthetic', t.bool, (c) => c.notNull())
    .addColumn('profile', t.json, (c) => c.notNull())
    .addColumn('sources', t.json, (c) => c.notNull())
    .addColumn('provenance', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('name_sort', t.key, (c) => c.notNull())
    .addColumn('founded_year', 'integer')
    .addCheckConstraint('spaces_lat_range', sql`lat between -90 and 90`)
    .addCheckConstraint('spaces_lon_range', sql`lon between -180 and 180`)
    .execute();

  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('spaces').columns(columns).execute();
  // A list first finds the ids of its page, then reads those rows. Indexes that carry the sort keys
  // and id answer the first step without touching the table (a city box of 10k spaces: ~3 ms
  // instead of ~35 ms, measured on 100k rows), so the common filters carry every sort key.
  const keys = ['name_sort', 'founded_year', 'updated_at', 'id'];
  await index('spaces_type', ['type', ...keys]);
  await index('spaces_region_code', ['region_code', ...keys]);
  await index('spaces_lat_lon', ['lat', 'lon', ...keys]);
  await index('spaces_country_code', ['country_code']);
  await index('spaces_status', ['status']);
  await index('spaces_certification', ['certification']);
  // Sort indexes end with id: the keyset cursor pages on (key, id).
  await index('spaces_name_sort', ['name_sort', 'id']);
  await index('spaces_updated_at', ['updated_at', 'id']);
  // Unknown founding years sort as the smallest value in both databases (SQLite's native order).
  await db.schema
    .createIndex('spaces_founded_year')
    .on('spaces')
    .expression(dialect === 'postgres' ? sql`founded_year nulls first, id` : sql`founded_year, id`)
    .execute();

  await db.schema
    .createTable('space_source_ids')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('space_id', t.key, (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('space_source_ids_pk', ['source', 'source_id'])
    .execute();
  await db.schema.createIndex('space_source_ids_space').on('space_source_ids').column('space_id').execute();
};
