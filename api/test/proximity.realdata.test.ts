/**
 * The proximity engine on real Göteborg densities (../shared/data): the 575 SCB
 * preschools of 2025 and the 96 primary areas. Every demo unit's child places agree
 * with turf, and the information-needs `area` filter agrees with turf's
 * point-in-polygon for the primary area around Kallebäck.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './harness.js';
import { expectAgreement, type Pt } from './proximity.check.js';

const DATA = fileURLToPath(new URL('../../../shared/data/goteborg/', import.meta.url));
const present = fs.existsSync(`${DATA}forskolor-scb-2025.geojson`) && fs.existsSync(`${DATA}primaromraden.geojson`);
if (!present) {
  const message = `Real Göteborg data not found at ${DATA}: the real-data proximity tests are SKIPPED.`;
  if (process.env.CI === 'true') throw new Error(`${message} CI requires it.`);
  console.warn(`\n!!! ${message}\n`);
}

describe.runIf(present)('real Göteborg data', () => {
  let t: TestContext;
  let preschools: Pt[];
  let areas: { id: number; name: string; geometry: GeoJSON.MultiPolygon | GeoJSON.Polygon }[];

  beforeAll(async () => {
    t = await createTestContext();
    const schools = JSON.parse(fs.readFileSync(`${DATA}forskolor-scb-2025.geojson`, 'utf8'));
    // Drop the demo's own preschools so the real ones are the whole population.
    await t.db.query("DELETE FROM child_places WHERE kind = 'preschool'");
    preschools = [];
    for (const f of schools.features) {
      const [lon, lat] = f.geometry.coordinates;
      const name = f.properties['Firmabenämning'] || f.properties['Företagsnamn'] || 'Förskola';
      const [row] = await t.db.query<{ id: number }>(
        `INSERT INTO child_places (name, kind, address, location) VALUES ($1, 'preschool', $2, ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography) RETURNING id`,
        [name.slice(0, 200), f.properties['Besöksadress'] || null, lon, lat],
      );
      preschools.push({ id: row!.id, lon, lat });
    }
    const primary = JSON.parse(fs.readFileSync(`${DATA}primaromraden.geojson`, 'utf8'));
    areas = [];
    for (const f of primary.features) {
      const [row] = await t.db.query<{ id: number }>(
        `INSERT INTO areas (name, level, code, geom) VALUES ($1, 'primary_area', $2, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326))::geography) RETURNING id`,
        [f.properties.omrade_namn, f.properties.omrade_kod, JSON.stringify(f.geometry)],
      );
      areas.push({ id: row!.id, name: f.properties.omrade_namn, geometry: f.geometry });
    }
  });

  it('loaded 575 preschools and 96 primary areas', () => {
    expect(preschools).toHaveLength(575);
    expect(areas).toHaveLength(96);
  });

  it('every demo unit\'s preschools agree with turf', async () => {
    const units = (await t.getJson('editor', '/api/units')).features;
    let total = 0;
    for (const u of units) {
      const body = await t.getJson('editor', `/api/units/${u.id}/child-places?kind=preschool`);
      expectAgreement(`${u.properties.name} preschools`, u.geometry.coordinates, u.properties.radii, preschools, body.features);
      total += body.features.length;
    }
    expect(total, 'real preschools lie around the demo units').toBeGreaterThan(30);
  });

  it('the area filter keeps exactly the needs inside the primary area (turf point-in-polygon)', async () => {
    const kalle = (await t.getJson('editor', '/api/units')).features.find((u: any) => u.properties.name.startsWith('Kallebäcks'));
    const area = areas.find((a) => turf.booleanPointInPolygon(kalle.geometry.coordinates, a.geometry));
    expect(area, 'Kallebäck lies in a primary area').toBeDefined();
    const all = (await t.getJson('editor', `/api/information-needs?unit_id=${kalle.id}`)).features;
    const inArea = (await t.getJson('editor', `/api/information-needs?unit_id=${kalle.id}&area=${area!.id}`)).features;
    const got = new Set(inArea.map((f: any) => f.id));
    const outline = turf.polygonToLine(turf.feature(area!.geometry) as any) as any;
    const lines = outline.type === 'FeatureCollection' ? outline.features : [outline];
    const edge = (p: number[]) => Math.min(...lines.map((l: any) => turf.pointToLineDistance(p, l, { units: 'meters' })));
    let checked = 0;
    for (const f of all) {
      if (edge(f.geometry.coordinates) < 2) continue;
      expect(got.has(f.id), `${f.properties.name} in ${area!.name}`).toBe(turf.booleanPointInPolygon(f.geometry.coordinates, area!.geometry));
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
    expect(inArea.length).toBeGreaterThan(0);
    expect(inArea.length).toBeLessThan(all.length);
  });
});
