import { describe, expect, it } from 'vitest';
import { findDuplicates, mergeSpaceInputs, normaliseName, type DedupeFields } from './dedupe.js';
import type { SpaceInput } from './space.js';

/** A point `metres` east of (lat, lon). */
const east = (lat: number, lon: number, metres: number): [number, number] => [
  lat,
  lon + metres / (111_195 * Math.cos((lat * Math.PI) / 180)),
];

describe('normaliseName', () => {
  it('folds width, case, punctuation and spaces, and keeps the words', () => {
    expect(normaliseName('Fab Lab Berlin e.V.')).toBe('fablabberlinev');
    expect(normaliseName('ＦＡＢ　ＬＡＢ　Ｂｅｒｌｉｎ　Ｅ．Ｖ．')).toBe('fablabberlinev');
    expect(normaliseName('柴火创客空间（深圳）')).toBe('柴火创客空间深圳');
    expect(normaliseName('Chaos Computer Club Hackerspace')).not.toBe(normaliseName('Chaos Computer Club'));
    expect(normaliseName('Straße-Lab')).toBe('strasselab');
  });
});

describe('findDuplicates', () => {
  const [lat, lon] = [52.5125, 13.4206]; // a Berlin hackerspace
  const at = (m: number, name = 'c-base e.V.'): DedupeFields => {
    const [y, x] = east(lat, lon, m);
    return { nameEn: name, lat: y, lon: x };
  };

  it('pairs the same name within 200 m and not at 250 m', () => {
    const pairs = findDuplicates([at(0), at(190), at(450)]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({
      a: { index: 0 },
      b: { kind: 'incoming', index: 1 },
      reason: 'same_name_nearby',
      key: 'cbaseev',
    });
    expect(pairs[0]?.distanceM).toBeCloseTo(190, 0);
    expect(findDuplicates([at(0), at(250)])).toEqual([]);
  });

  it('matches across spellings and languages but not different names', () => {
    expect(findDuplicates([at(0, 'C-Base e.V.'), at(50, 'c base ev')])).toHaveLength(1);
    expect(
      findDuplicates([
        { nameZh: '柴火创客空间', nameEn: 'Chaihuo', lat: 22.54, lon: 114.06 },
        { nameZh: '柴火创客空间', lat: 22.5405, lon: 114.0601 },
      ]),
    ).toHaveLength(1);
    expect(findDuplicates([at(0, 'c-base'), at(50, 'c-base hackerspace')])).toEqual([]);
  });

  it('matches the same (source, sourceId) anywhere, and records without coordinates by source only', () => {
    const src = { source: 'fablabs.io', sourceId: 'fablabberlin' };
    const pairs = findDuplicates([
      { nameEn: 'A', sources: [src] },
      { nameEn: 'B', sources: [{ ...src, source: 'FabLabs.io ' }] },
      { nameEn: 'A' },
      { nameEn: 'A' },
    ]);
    expect(pairs).toEqual([
      {
        a: { kind: 'incoming', index: 0 },
        b: { kind: 'incoming', index: 1 },
        reason: 'same_source_id',
        key: 'fablabs.io:fablabberlin',
      },
    ]);
  });

  it('compares against the registry but not the registry with itself', () => {
    const existing = [
      { id: 'sp_1', ...at(100) },
      { id: 'sp_2', ...at(120) },
      { id: 'sp_3', nameEn: 'Other', sources: [{ source: 'spaceapi', sourceId: 'x' }] },
    ];
    const pairs = findDuplicates(
      [at(0), { nameEn: 'New', sources: [{ source: 'spaceapi', sourceId: 'x' }] }],
      existing,
    );
    expect(pairs.map((p) => [p.a.index, p.b.kind === 'existing' ? p.b.id : p.b.index, p.reason])).toEqual([
      [1, 'sp_3', 'same_source_id'],
      [0, 'sp_1', 'same_name_nearby'],
      [0, 'sp_2', 'same_name_nearby'],
    ]);
  });

  it('handles a common name shared by many records through the grid', () => {
    // 100 "Makerspace" records 1 km apart along a parallel, plus one 150 m from the 50th.
    const many = Array.from({ length: 100 }, (_, i) => at(i * 1000, 'Makerspace'));
    many.push(at(50_150, 'Makerspace'));
    const pairs = findDuplicates(many);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: { index: 50 }, b: { index: 100 } });
  });
});

describe('mergeSpaceInputs', () => {
  const base: SpaceInput = { nameEn: 'Fab Lab Berlin', type: 'fablab', status: 'active', countryCode: 'DE' };
  const prov = { source: 'fablabs.io', at: '2024-10-01T00:00:00Z', actor: 'import:fablabs' };

  it('fills empty fields and records provenance for each', () => {
    const r = mergeSpaceInputs({ ...base, city: null }, { ...base, city: 'Berlin', postcode: '10405' }, prov);
    expect(r.merged).toMatchObject({ city: 'Berlin', postcode: '10405', nameEn: 'Fab Lab Berlin' });
    expect(r.changed).toEqual(['city', 'postcode']);
    expect(r.provenance['city']).toEqual(prov);
  });

  it('keeps existing values unless the incoming data is newer or more specific', () => {
    const existing = {
      ...base,
      city: 'Berlin-Prenzlauer Berg',
      address: 'Old St 1',
      foundedOn: '2013',
      regionCode: null,
      provenance: { address: { source: 'manual', at: '2023-01-01T00:00:00Z', actor: 'alice' } },
    };
    const r = mergeSpaceInputs(
      existing,
      { ...base, city: 'Berlin', address: 'New St 2', foundedOn: '2013-04-12' },
      prov,
    );
    expect(r.merged.city).toBe('Berlin-Prenzlauer Berg'); // no provenance: age unknown, kept
    expect(r.merged.address).toBe('New St 2'); // newer than 2023-01-01
    expect(r.merged.foundedOn).toBe('2013-04-12'); // refines 2013
    expect(r.changed).toEqual(['address', 'foundedOn']);
    const older = mergeSpaceInputs(
      existing,
      { ...base, address: 'New St 2' },
      { ...prov, at: '2022-01-01T00:00:00Z' },
    );
    expect(older.merged.address).toBe('Old St 1');
    expect(older.changed).toEqual([]);
  });

  it('refines region codes and never erases with empty values', () => {
    const cn: SpaceInput = {
      nameZh: '柴火创客空间',
      type: 'makerspace',
      status: 'active',
      countryCode: 'CN',
      regionCode: '440000',
      city: '深圳',
    };
    const r = mergeSpaceInputs(cn, { ...cn, regionCode: '440305', city: null, description: '' }, prov);
    expect(r.merged).toMatchObject({ regionCode: '440305', city: '深圳' });
    expect(mergeSpaceInputs(cn, { ...cn, regionCode: '110000' }, prov).merged.regionCode).toBe('440000');
  });

  it('unions sources, links, equipment and services', () => {
    const r = mergeSpaceInputs(
      {
        ...base,
        sources: [{ source: 'nesta-2015', sourceId: '17' }],
        links: [{ kind: 'website', url: 'https://fablab.berlin/' }],
        equipment: ['laser_cutting'],
      },
      {
        ...base,
        sources: [
          { source: 'fablabs.io', sourceId: 'fablabberlin' },
          { source: 'nesta-2015', sourceId: '17' },
        ],
        links: [{ kind: 'website', url: 'https://FabLab.Berlin' }],
        equipment: ['laser_cutting', '3d_printing'],
      },
      prov,
    );
    expect(r.merged.sources).toHaveLength(2);
    expect(r.merged.links).toHaveLength(1);
    expect(r.merged.equipment).toEqual(['laser_cutting', '3d_printing']);
    expect(r.changed).toEqual(['sources', 'equipment']);
  });

  it('moves coordinates as a pair, replacing approximate ones with exact ones only', () => {
    const approx = { ...base, lat: 52.52, lon: 13.4, approximate: true };
    const exact = mergeSpaceInputs(approx, { ...base, lat: 52.5386, lon: 13.4247 }, prov);
    expect(exact.merged).toMatchObject({ lat: 52.5386, lon: 13.4247, approximate: false });
    expect(exact.changed).toEqual(['lat', 'lon', 'approximate']);
    const worse = mergeSpaceInputs(
      { ...base, lat: 52.5386, lon: 13.4247 },
      { ...base, lat: 52.52, lon: 13.4, approximate: true },
      prov,
    );
    expect(worse.merged).toMatchObject({ lat: 52.5386, lon: 13.4247 });
    expect(worse.changed).toEqual([]);
  });

  it('merges profile facts key by key', () => {
    const r = mergeSpaceInputs(
      { ...base, profile: { members: 40, fee: 'free' } },
      { ...base, profile: { members: 55, floor_m2: 300 } },
      prov,
    );
    expect(r.merged.profile).toEqual({ members: 40, fee: 'free', floor_m2: 300 });
    expect(r.changed).toEqual(['profile.floor_m2']);
  });
});
