import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { importBaseData } from '../services/baseData.js';
import { createTestContext } from '../test/harness.js';
import { buildOsmFixture, type LonLat } from '../test/osmFixture.js';
import { overpassBytes } from '../test/osmUploads.js';
import { decodeTile, layerFeatures, tileOf, unitMetres } from '../test/vectorTiles.js';

/**
 * The base tiles of the imported Göteborg fixture: the streets, bridges, river and place
 * names are where the fixture generator put them (its own coordinates, not the SQL's).
 */
const t = await createTestContext();
const fx = buildOsmFixture();
const summary = await importBaseData({ db: t.db, reader: t.db, user: undefined, now: new Date() }, { name: 'goteborg.json', bytes: overpassBytes(fx) });
const version = `v${summary.import_id}`;

async function layer(at: LonLat, z: number, name: string) {
  const { x, y } = tileOf(at, z);
  const { tile } = await decodeTile(await t.request('viewer', 'GET', `/api/basemap/tiles/${version}/${z}/${x}/${y}.mvt`));
  return layerFeatures(tile, name, z, x, y);
}

const vertices = (g: GeoJSON.Geometry): LonLat[] =>
  g.type === 'LineString' ? (g.coordinates as LonLat[]) : g.type === 'MultiLineString' ? (g.coordinates.flat() as LonLat[]) : [];

describe('base tiles of the imported fixture', () => {
  it('hold the named streets at both ends, within two tile units at zoom 15', async () => {
    expect(fx.landmarks.streets.length).toBeGreaterThanOrEqual(3);
    for (const street of fx.landmarks.streets.slice(0, 12)) {
      for (const end of [street.from, street.to]) {
        const roads = (await layer(end, 15, 'roads')).filter((f) => f.properties.name === street.name);
        expect(roads.length, `${street.name} near ${end}`).toBeGreaterThan(0);
        const nearest = Math.min(...roads.flatMap((f) => vertices(f.geojson.geometry)).map((v) => turf.distance(turf.point(v), turf.point(end), { units: 'meters' })));
        expect(nearest, street.name).toBeLessThan(2 * unitMetres(15));
      }
    }
  });

  it('hold the two bridges as bridges', async () => {
    expect(fx.landmarks.bridges).toHaveLength(2);
    for (const bridge of fx.landmarks.bridges) {
      const roads = await layer(bridge.lonLat, 15, 'roads');
      const found = roads.find((f) => f.properties.name === bridge.name);
      expect(found?.properties.is_bridge, bridge.name).toBe(true);
    }
  });

  it('hold the river where it is, and no water where the fixture has land', async () => {
    const inRiver = (await layer(fx.landmarks.inRiver, 14, 'water')).filter((f) => f.geojson.geometry.type.endsWith('Polygon'));
    const river = inRiver.find((f) => turf.booleanPointInPolygon(turf.point(fx.landmarks.inRiver), f.geojson as GeoJSON.Feature<GeoJSON.Polygon>));
    expect(river?.properties.name).toBe('Göta älv');
    const onLand = (await layer(fx.landmarks.onLand, 14, 'water')).filter((f) => f.geojson.geometry.type.endsWith('Polygon'));
    expect(onLand.some((f) => turf.booleanPointInPolygon(turf.point(fx.landmarks.onLand), f.geojson as GeoJSON.Feature<GeoJSON.Polygon>))).toBe(false);
  });

  it('hold the place names: the city as a locality, districts as sub-places', async () => {
    const city = fx.overpass.elements.find((e) => e.type === 'node' && e.tags?.place === 'city') as { lon: number; lat: number; tags: Record<string, string> };
    const places = await layer([city.lon, city.lat], 12, 'places');
    expect(places.find((f) => f.properties.name === city.tags.name)?.properties.kind).toBe('locality');
    expect(places.filter((f) => f.properties.kind === 'macrohood' || f.properties.kind === 'neighbourhood').length).toBeGreaterThan(0);
  });
});
