// GeoJSON import (RFC 7946): a FeatureCollection of Point features, [lon, lat] positions, properties
// named as our fields (or renamed by a mapping). Other geometries and impossible positions are
// rejected with an issue at the feature's JSON Pointer; a null geometry is a space without a location.
import type { InputIssue } from '../domain/issue.js';
import type { SourceRef } from '../domain/space.js';
import { finishDraft } from './draft-check.js';
import { limitsOf, type ImportedRecord, type ImportOptions, type ImportResult } from './import-types.js';
import { pointer, readJson } from './json-text.js';
import { applyDefaults, checkMapping } from './mapping.js';
import { objectToDraft } from './object-import.js';
import { capIssues, duplicateSourceIssues, tooManyRows } from './record-utils.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

type Position = { lon: number; lat: number } | { problem: string };

const readPoint = (geometry: Record<string, unknown>): Position => {
  const c = geometry['coordinates'];
  if (
    !Array.isArray(c) ||
    c.length < 2 ||
    c.length > 3 ||
    !c.every((x) => typeof x === 'number' && Number.isFinite(x))
  ) {
    return {
      problem: `expected coordinates [lon, lat] (optionally with altitude), found ${JSON.stringify(c)}`,
    };
  }
  const [lon, lat] = c as number[];
  if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) {
    const swapped = Math.abs(lon!) <= 90 && Math.abs(lat!) <= 180;
    return {
      problem: `position [${lon}, ${lat}] is outside [-180..180, -90..90]${swapped ? '; GeoJSON puts longitude first — lat and lon look swapped' : ''}`,
    };
  }
  return { lon: lon!, lat: lat! };
};

export const parseGeoJson = (input: Uint8Array, opts: ImportOptions): ImportResult => {
  const file = opts.file;
  if (opts.mapping) {
    const checked = checkMapping(opts.mapping, file);
    if (!checked.mapping) return { records: [], issues: checked.issues };
  }
  const read = readJson(input, opts);
  if (read.value === undefined) return { records: [], issues: read.issues };
  const issues: InputIssue[] = [...read.issues];
  const doc = read.value;
  let features: unknown[];
  let base = '/features';
  if (isObject(doc) && doc['type'] === 'FeatureCollection' && Array.isArray(doc['features']))
    features = doc['features'];
  else if (isObject(doc) && doc['type'] === 'Feature') [features, base] = [[doc], ''];
  else {
    const found = isObject(doc)
      ? `type ${JSON.stringify(doc['type'])}`
      : Array.isArray(doc)
        ? 'an array'
        : typeof doc;
    return {
      records: [],
      issues: [
        ...issues,
        {
          severity: 'error',
          code: 'geojson.shape',
          file,
          path: '',
          message: `expected a GeoJSON FeatureCollection, found ${found}`,
        },
      ],
    };
  }
  const { maxRows } = limitsOf(opts);
  if (features.length > maxRows) {
    return tooManyRows(
      issues,
      file,
      `${features.length.toLocaleString('en')} features; at most ${maxRows.toLocaleString('en')} are accepted`,
      base,
    );
  }
  const records: ImportedRecord[] = [];
  features.forEach((f, i) => {
    const path = base === '' ? '' : `${base}${pointer(i)}`;
    if (!isObject(f) || f['type'] !== 'Feature') {
      issues.push({
        severity: 'error',
        code: 'geojson.shape',
        file,
        path,
        message: 'expected a Feature object',
      });
      return;
    }
    const geometry = f['geometry'];
    let pos: { lon: number; lat: number } | undefined;
    if (geometry === null) {
      issues.push({
        severity: 'warning',
        code: 'geometry.missing',
        file,
        path: `${path}/geometry`,
        message: 'feature has no geometry; imported without a location',
      });
    } else if (!isObject(geometry) || geometry['type'] !== 'Point') {
      const t = isObject(geometry) ? JSON.stringify(geometry['type']) : JSON.stringify(geometry);
      issues.push({
        severity: 'error',
        code: 'geometry.not_point',
        file,
        path: `${path}/geometry`,
        field: 'lat',
        message: `expected a Point geometry, found ${t}; a space is one location`,
      });
      return;
    } else {
      const p = readPoint(geometry);
      if ('problem' in p) {
        issues.push({
          severity: 'error',
          code: 'geometry.invalid',
          file,
          path: `${path}/geometry/coordinates`,
          field: 'lat',
          message: p.problem,
        });
        return;
      }
      pos = p;
    }
    const props = f['properties'] ?? {};
    if (!isObject(props)) {
      issues.push({
        severity: 'error',
        code: 'geojson.shape',
        file,
        path: `${path}/properties`,
        message: 'expected properties to be an object or null',
      });
      return;
    }
    const built = objectToDraft(props, `${path}/properties`, opts);
    issues.push(...built.issues);
    if (built.bad) return;
    const draft = built.draft;
    if (pos) {
      for (const k of ['lat', 'lon'] as const) {
        if (typeof draft[k] === 'number' && draft[k] !== pos[k]) {
          issues.push({
            severity: 'warning',
            code: 'geometry.conflict',
            file,
            path: `${path}/properties/${k}`,
            field: k,
            message: `properties.${k} ${String(draft[k])} differs from the geometry (${pos[k]}); the geometry is used`,
          });
        }
      }
      draft['lat'] = pos.lat;
      draft['lon'] = pos.lon;
    }
    applyDefaults(draft, opts.mapping);
    const done = finishDraft(draft, { file, path }, 'reject');
    issues.push(...done.issues);
    if (!done.draft) return;
    const fid = f['id'];
    const source: SourceRef = done.draft.sources?.[0] ?? {
      source: 'geojson',
      sourceId: typeof fid === 'string' || typeof fid === 'number' ? String(fid) : `${file}#${path}`,
    };
    records.push({ draft: done.draft, path, source });
  });
  const dup = duplicateSourceIssues(records, file, 'error');
  return { records: dup.records, issues: capIssues([...issues, ...dup.issues]) };
};
