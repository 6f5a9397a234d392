import { describe, expect, it } from 'vitest';
import { circleBox, haversineM } from './geo.js';

describe('geo', () => {
  it('measures known distances', () => {
    // Shenzhen (22.543, 114.058) to Guangzhou (23.129, 113.264): about 104 km.
    expect(haversineM(22.543, 114.058, 23.129, 113.264) / 1000).toBeCloseTo(104.4, 0);
    expect(haversineM(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6_371_008.8, 3);
  });

  it('boxes hold every point of the circle', () => {
    const centres = [
      [22.5, 114],
      [60, 179.9],
      [-45, -179.95],
      [89.5, 0],
    ] as const;
    for (const [lat, lon] of centres) {
      const r = 50_000;
      const box = circleBox(lat, lon, r);
      for (let bearing = 0; bearing < 360; bearing += 5) {
        // Points just inside the circle, walked along a great circle.
        const d = (r * 0.999) / 6_371_008.8;
        const b = (bearing * Math.PI) / 180;
        const p1 = (lat * Math.PI) / 180;
        const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
        const l2 =
          (lon * Math.PI) / 180 +
          Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
        const pLat = (p2 * 180) / Math.PI;
        const pLon = ((((l2 * 180) / Math.PI + 540) % 360) - 180) as number;
        expect(haversineM(lat, lon, pLat, pLon)).toBeLessThan(r);
        expect(pLat).toBeGreaterThanOrEqual(box.minLat);
        expect(pLat).toBeLessThanOrEqual(box.maxLat);
        if (box.lon) {
          const [min, max] = box.lon;
          const inside = min <= max ? pLon >= min && pLon <= max : pLon >= min || pLon <= max;
          expect(inside, `${lat},${lon} bearing ${bearing}: ${pLon} in [${min}, ${max}]`).toBe(true);
        }
      }
    }
  });

  it('drops the longitude limit when a pole is inside the circle', () => {
    expect(circleBox(89.9, 10, 50_000).lon).toBeUndefined();
    expect(circleBox(10, 10, 15_000_000).lon).toBeUndefined();
  });
});
