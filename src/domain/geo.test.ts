import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import {
  bboxContains,
  bboxExpand,
  bboxOfGeometry,
  createAreaIndex,
  haversineMetres,
  isValidLatLon,
  pointSegmentMetres,
} from './geo.js';

const square = (x0: number, y0: number, x1: number, y1: number): number[][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
// A 1°×1° square with a 0.2° hole, and an island to the east: one key, two parts.
const withHole: Polygon = {
  type: 'Polygon',
  coordinates: [square(10, 50, 11, 51), square(10.4, 50.4, 10.6, 50.6)],
};
const areas = createAreaIndex([
  {
    key: 'A',
    geometry: { type: 'MultiPolygon', coordinates: [withHole.coordinates, [square(12, 50, 12.1, 50.1)]] },
  },
  { key: 'B', geometry: { type: 'Polygon', coordinates: [square(11, 50, 12, 51)] } },
]);

describe('haversineMetres', () => {
  it('gives known distances', () => {
    // One degree of longitude on the equator: 2πR/360.
    expect(haversineMetres(0, 0, 0, 1)).toBeCloseTo(111_195, -1);
    // Beijing (Tiananmen) to Shanghai (People's Square): about 1,067 km.
    expect(haversineMetres(39.9042, 116.4074, 31.2304, 121.4737) / 1000).toBeCloseTo(1067, -1);
    expect(haversineMetres(22.54, 114.06, 22.54, 114.06)).toBe(0);
  });

  it('measures 200 m as 200 m at Berlin latitude', () => {
    const dLon = 200 / (111_195 * Math.cos((52.52 * Math.PI) / 180));
    expect(haversineMetres(52.52, 13.4, 52.52, 13.4 + dLon)).toBeCloseTo(200, 0);
  });
});

describe('bbox helpers', () => {
  it('computes, tests and grows boxes', () => {
    const b = bboxOfGeometry(withHole);
    expect(b).toEqual([10, 50, 11, 51]);
    expect(bboxContains(b, 50.5, 10.5)).toBe(true);
    expect(bboxContains(b, 51.01, 10.5)).toBe(false);
    const g = bboxExpand(b, 1_000);
    expect(g[1]).toBeCloseTo(50 - 1000 / 111_195, 6);
    expect(bboxContains(g, 51.005, 10.5)).toBe(true);
  });

  it('checks coordinate ranges', () => {
    expect(isValidLatLon(22.54, 114.06)).toBe(true);
    expect(isValidLatLon(114.06, 22.54)).toBe(false);
    expect(isValidLatLon(Number.NaN, 0)).toBe(false);
  });

  it('measures point-to-segment distance in metres', () => {
    expect(pointSegmentMetres(0.01, 0.5, [0, 0], [1, 0])).toBeCloseTo(1112, -1);
    expect(pointSegmentMetres(0, -0.01, [0, 0], [1, 0])).toBeCloseTo(1112, -1);
  });
});

describe('createAreaIndex', () => {
  it('finds the area holding a point, honouring holes and multiple parts', () => {
    expect(areas.keyAt(50.2, 10.2)).toBe('A');
    expect(areas.keyAt(50.5, 10.5)).toBeUndefined(); // in the hole
    expect(areas.keyAt(50.05, 12.05)).toBe('A'); // the island
    expect(areas.keyAt(50.5, 11.5)).toBe('B');
    expect(areas.keysAt(50.5, 11)).toEqual(['A', 'B']); // on the shared border: both
    expect(areas.keyAt(60, 10)).toBeUndefined();
  });

  it('answers cached cells and edge cells alike (every point of a fine grid, twice)', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (let y = 50.013; y < 51; y += 0.037) {
        for (let x = 10.011; x < 11; x += 0.037) {
          const inHole = x > 10.4 && x < 10.6 && y > 50.4 && y < 50.6;
          expect(areas.contains('A', y, x), `${y},${x}`).toBe(!inHole);
        }
      }
    }
  });

  it('applies a border tolerance in metres', () => {
    // 0.05° north of the square's top edge at 51°N ≈ 5.6 km.
    expect(areas.contains('A', 51.05, 10.5)).toBe(false);
    expect(areas.contains('A', 51.05, 10.5, 5_000)).toBe(false);
    expect(areas.contains('A', 51.05, 10.5, 6_000)).toBe(true);
    expect(areas.distanceTo('A', 51.05, 10.5, 10_000)).toBeCloseTo(5_560, -2);
    expect(areas.distanceTo('A', 51.05, 10.5, 1_000)).toBe(Infinity);
    expect(areas.keyAt(51.05, 10.5, 10_000)).toBe('A');
    expect(areas.keyAt(51.05, 11.7, 10_000)).toBe('B');
    // Inside the hole, 1 km from its edge: within tolerance of the ring.
    expect(areas.contains('A', 50.5, 10.415, 2_000)).toBe(true);
  });

  it('knows its keys and boxes, and nothing about unknown keys', () => {
    expect(areas.keys).toEqual(['A', 'B']);
    expect(areas.bboxOf('A')).toEqual([10, 50, 12.1, 51]);
    expect(areas.has('C')).toBe(false);
    expect(areas.contains('C', 50.5, 10.5, 1e6)).toBe(false);
  });
});
