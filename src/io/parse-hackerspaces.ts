// hackerspaces.org list as published by the hackerspaces-timeline project (a Semantic MediaWiki
// export of active hackerspaces): name,country,city,lat,lon,founded_unix,founded_date,url.
// Country names become ISO codes (unknown names such as "Best Korea" are rejected with an issue);
// lat = lon = 0 means "no location"; type 'hackerspace', source 'hackerspaces.org' keyed by the
// wiki page name.
import { countryCodeFromName } from '../domain/countries.js';
import type { InputIssue } from '../domain/issue.js';
import type { SourceRef } from '../domain/space.js';
import { decodeText } from './decode.js';
import { finishDraft } from './draft-check.js';
import { limitsOf, type ImportedRecord, type ImportOptions, type ImportResult } from './import-types.js';
import { applyDefaults } from './mapping.js';
import { readCsvRows } from './parse-csv.js';
import { capIssues, duplicateSourceIssues, tooManyRows } from './record-utils.js';
import { linkKindOf, parseNumberCell } from './space-columns.js';

export const HACKERSPACES_COLUMNS = [
  'name',
  'country',
  'city',
  'lat',
  'lon',
  'founded_unix',
  'founded_date',
  'url',
] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The founding date. The upstream timestamps are local midnight in Central Europe (every one is
 * 22:00 or 23:00 UTC, i.e. 00:00 CEST/CET), and founded_date was printed from them in UTC, one day
 * early. We read the day in UTC+2, which gives the intended date for both cases.
 */
export const hackerspaceFounded = (unix: string, printed: string): string | null => {
  const t = parseNumberCell(unix);
  if (t !== undefined && Number.isInteger(t)) {
    const secondsOfDay = ((t % 86400) + 86400) % 86400;
    if (secondsOfDay === 79200 || secondsOfDay === 82800)
      return new Date((t + 7200) * 1000).toISOString().slice(0, 10);
  }
  return ISO_DATE.test(printed) ? printed : null;
};

export const wikiUrl = (name: string): string =>
  `https://wiki.hackerspaces.org/${encodeURIComponent(name.replace(/ /g, '_'))}`;

export const parseHackerspaces = (input: Uint8Array, opts: ImportOptions): ImportResult => {
  const file = opts.file;
  const decoded = decodeText(input, opts);
  if (decoded.text === null) return { records: [], issues: decoded.issues };
  const read = readCsvRows(decoded.text, file);
  if (!read.rows) return { records: [], issues: [...decoded.issues, ...read.issues] };
  const issues: InputIssue[] = [...decoded.issues];
  const [header, ...body] = read.rows;
  const expected = HACKERSPACES_COLUMNS.join(',');
  if (!header || header.map((h) => h.trim()).join(',') !== expected) {
    return {
      records: [],
      issues: [
        ...issues,
        {
          severity: 'error',
          code: 'header.unknown',
          file,
          row: 1,
          message: `expected the header ${expected}, found ${JSON.stringify(header?.join(',') ?? '')}`,
        },
      ],
    };
  }
  const { maxRows } = limitsOf(opts);
  if (body.length > maxRows) {
    return tooManyRows(issues, file, `more than ${maxRows.toLocaleString('en')} data rows`);
  }
  const now = opts.now?.slice(0, 10);
  const records: ImportedRecord[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const [name, country, city, lat, lon, unix, printed, url] = HACKERSPACES_COLUMNS.map((_, k) =>
      (cells[k] ?? '').trim(),
    );
    const err = (code: string, field: string, message: string): void => {
      issues.push({ severity: 'error', code, file, row, field, message });
    };
    if (!name) return err('field.required', 'nameEn', 'the row has no name');
    const countryCode = countryCodeFromName(country!);
    if (!countryCode) {
      return err(
        'country.unknown',
        'countryCode',
        country
          ? `"${country}" is not a country we know; expected an English country name such as "Germany"`
          : 'the row names no country',
      );
    }
    const draft: Record<string, unknown> = {
      nameEn: name,
      type: 'hackerspace',
      status: 'active',
      countryCode,
      city: city || null,
    };
    const la = parseNumberCell(lat!);
    const lo = parseNumberCell(lon!);
    if (la === 0 && lo === 0) {
      issues.push({
        severity: 'warning',
        code: 'location.none',
        file,
        row,
        field: 'lat',
        message: 'lat = lon = 0 means no location; imported without coordinates',
      });
    } else if (la === undefined || lo === undefined) {
      issues.push({
        severity: 'warning',
        code: 'field.invalid',
        file,
        row,
        field: 'lat',
        message: `lat/lon: expected numbers, found ${JSON.stringify(`${lat}, ${lon}`)}; imported without coordinates`,
      });
    } else [draft['lat'], draft['lon']] = [la, lo];
    const founded = hackerspaceFounded(unix!, printed!);
    if (founded) draft['foundedOn'] = founded;
    // The list holds active spaces; one "founded" after the given date has not opened yet.
    if (founded && now && founded > now) draft['status'] = 'planned';
    if (url) draft['links'] = [{ kind: linkKindOf(url), url }];
    const source: SourceRef = { source: 'hackerspaces.org', sourceId: name, url: wikiUrl(name) };
    draft['sources'] = [source];
    applyDefaults(draft, opts.mapping);
    const done = finishDraft(draft, { file, row }, 'drop');
    issues.push(...done.issues);
    if (done.draft) records.push({ draft: done.draft, row, source });
  });
  const dup = duplicateSourceIssues(records, file, 'warning');
  return { records: dup.records, issues: capIssues([...issues, ...dup.issues]) };
};
