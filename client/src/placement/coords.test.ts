import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { inSweden, SWEDEN_BBOX } from '../../../api/schemas/common.js';
import { zoomToFit, displacement, formatBoth, formatForInput, insideSweden, keyStep, moveBy, parseCoordinates, splitNumbers, SWEDEN, swerefToWgs84, wgs84ToSweref } from './coords.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED = path.resolve(here, '../../../../shared/data/goteborg');
const metres = (a: readonly number[], b: readonly number[]) => distance([a[0]!, a[1]!], [b[0]!, b[1]!], { units: 'kilometers' }) * 1000;

describe('typed coordinates', () => {
  it.each([
    ['57,6969 11,9866'],
    ['57.6969, 11.9866'],
    ['57.6969,11.9866'],
    ['57,6969, 11,9866'],
    ['57,6969;11,9866'],
    ['57,6969,11,9866'],
    ['  57.6969   11.9866 '],
    ['lat 57.6969 lon 11.9866'],
    ['11.9866 57.6969'],
  ])('reads %s as latitude 57.6969, longitude 11.9866 (WGS 84)', (text) => {
    expect(parseCoordinates(text)).toEqual({ ok: true, lonLat: [11.9866, 57.6969], system: 'wgs84' });
  });

  it.each([['6398000 319000'], ['6398000, 319000'], ['N 6398000 E 319000'], ['319000 6398000'], ['6398000,5 319000,25']])('reads %s as SWEREF 99 TM', (text) => {
    const r = parseCoordinates(text);
    expect(r.ok && r.system).toBe('sweref99tm');
    if (!r.ok) return;
    const back = wgs84ToSweref(r.lonLat);
    expect(Math.abs(back.n - 6398000)).toBeLessThan(1.5);
    expect(Math.abs(back.e - 319000)).toBeLessThan(1.5);
  });

  it('names what is wrong', () => {
    expect(parseCoordinates('')).toEqual({ ok: false, error: 'empty' });
    expect(parseCoordinates('57.7')).toEqual({ ok: false, error: 'format' });
    expect(parseCoordinates('57.7 11.9 3')).toEqual({ ok: false, error: 'format' });
    expect(parseCoordinates('abc def')).toEqual({ ok: false, error: 'format' });
    expect(parseCoordinates('6398000 11.98')).toEqual({ ok: false, error: 'system' });
    expect(parseCoordinates('500 600')).toEqual({ ok: false, error: 'system' });
    expect(parseCoordinates('48.85 2.35')).toEqual({ ok: false, error: 'outside' }); // Paris
    expect(parseCoordinates('59.9 10.7')).toEqual({ ok: true, lonLat: [10.7, 59.9], system: 'wgs84' }); // Oslo lies inside the box; the server's rule is the box
    expect(parseCoordinates('7700000 1000000')).toEqual({ ok: false, error: 'outside' });
    expect(parseCoordinates('57.7 11.9', 'sweref99tm')).toEqual({ ok: false, error: 'wrongSystem' });
    expect(parseCoordinates('6398000 319000', 'wgs84')).toEqual({ ok: false, error: 'wrongSystem' });
  });

  it('splits numbers only when the text is clear', () => {
    expect(splitNumbers('1,5 2,5')).toEqual([1.5, 2.5]);
    expect(splitNumbers('1,5,2')).toBeNull();
    expect(splitNumbers('1.5.2 3')).toBeNull();
  });

  it('reads back what it writes, in both systems and languages', () => {
    const p: [number, number] = [11.9866, 57.6969];
    for (const lang of ['sv', 'en'] as const) {
      const w = parseCoordinates(formatForInput(p, 'wgs84', lang));
      expect(w.ok && metres(w.lonLat, p)).toBeLessThan(0.2);
      const s = parseCoordinates(formatForInput(p, 'sweref99tm', lang));
      expect(s.ok && metres(s.lonLat, p)).toBeLessThan(1);
    }
    expect(formatBoth(p, 'sv').wgs84).toBe('57,696900 11,986600');
    expect(formatBoth(p, 'en').wgs84).toBe('57.696900, 11.986600');
  });
});

describe('SWEREF 99 TM', () => {
  it('round trips through proj4 within a millimetre', () => {
    for (const p of [[11.9866, 57.6969], [18.0686, 59.3293], [20.2253, 67.8558], [13.0038, 55.605]] as [number, number][]) {
      const { n, e } = wgs84ToSweref(p);
      const back = swerefToWgs84(n, e);
      expect(metres(back, p)).toBeLessThan(0.001);
    }
  });

  it('puts the central meridian 15° E on easting 500000', () => {
    const { e } = wgs84ToSweref([15, 60]);
    expect(e).toBeCloseTo(500000, 3);
  });

  const csv = path.join(SHARED, 'forskolor-scb-2025-sweref99tm.csv');
  const geojson = path.join(SHARED, 'forskolor-scb-2025.geojson');
  const present = fs.existsSync(csv) && fs.existsSync(geojson);
  if (!present) console.warn(`Skipping the SCB preschool check: ${SHARED} is absent.`);
  it.skipIf(!present)('agrees with SCB: the preschools given in both WGS 84 and SWEREF 99 TM lie within 1 m of each other', () => {
    const rows = fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(';'));
    const features = (JSON.parse(fs.readFileSync(geojson, 'utf8')) as { features: { geometry: { coordinates: [number, number] } }[] }).features;
    expect(rows.length).toBe(features.length);
    let worst = 0;
    rows.forEach((r, i) => {
      const [x, y] = [Number(r[0]), Number(r[1])];
      const typed = parseCoordinates(`${y} ${x}`);
      expect(typed.ok).toBe(true);
      if (typed.ok) worst = Math.max(worst, metres(typed.lonLat, features[i]!.geometry.coordinates));
    });
    expect(worst).toBeLessThan(1);
  });
});

describe('inside Sweden', () => {
  it('is the server rule: the same box', () => {
    expect(SWEDEN).toEqual(SWEDEN_BBOX);
    for (const p of [[11.97, 57.7], [57.7, 11.97], [9.99, 60], [24.5, 69.5], [24.51, 60], [15, 54.99]] as [number, number][]) {
      expect(insideSweden(p)).toBe(inSweden(p[0], p[1]));
    }
  });
});

describe('keyboard moves', () => {
  it('steps by about 12 pixels (10 m at zoom 15 in Göteborg), rounded to a nice length, ten times with Shift', () => {
    expect(keyStep(15, 57.7)).toBe(10);
    expect(keyStep(15, 57.7, true)).toBe(100);
    expect(keyStep(13, 57.7)).toBe(50);
    expect(keyStep(20, 57.7)).toBe(1);
  });

  it('moves the given distance in the arrow direction, and says so', () => {
    const start: [number, number] = [11.9866, 57.6969];
    const up = moveBy(start, 'ArrowUp', 40);
    expect(metres(start, up)).toBeCloseTo(40, 0);
    expect(up[1]).toBeGreaterThan(start[1]);
    expect(displacement(start, up)).toEqual({ metres: expect.closeTo(40, 0), direction: 'n' });
    const right = moveBy(moveBy(start, 'ArrowRight', 300), 'ArrowDown', 300);
    expect(displacement(start, right).direction).toBe('se');
    expect(displacement(start, right).metres).toBeCloseTo(424.3, 0);
    expect(displacement(start, moveBy(start, 'ArrowLeft', 10)).direction).toBe('w');
  });
});

describe('the start view', () => {
  it('fits the outer ring in the picker: a 1000 m ring at zoom 12.25, a 250 m one at 14.25 (in quarter steps), within 11–16', () => {
    expect(zoomToFit(1000, 57.7)).toBe(12.25);
    expect(zoomToFit(250, 57.7)).toBe(14.25);
    expect(zoomToFit(5000, 57.7)).toBe(11);
    expect(zoomToFit(10, 57.7)).toBe(16);
    // The ring really fits: its diameter at that zoom is at most 300 px.
    const z = zoomToFit(1000, 57.7);
    const mpp = (40_075_016.686 * Math.cos((57.7 * Math.PI) / 180)) / (512 * 2 ** z);
    expect(2000 / mpp).toBeLessThanOrEqual(300);
  });
});
