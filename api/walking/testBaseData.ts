/**
 * Test support: writes the highway ways of an Overpass extract into base_ways as a new
 * base-data version, straight in SQL (the walking tests do not depend on the importer's
 * other work), and returns the version's id.
 */
import type { Database } from '../db/types.js';
import type { OverpassJson } from '../test/osmFixture.js';

export async function writeBaseWays(db: Database, json: OverpassJson, keep: (wayId: number) => boolean = () => true): Promise<number> {
  const nodes = new Map<number, [number, number]>();
  for (const e of json.elements) if (e.type === 'node') nodes.set(e.id, [e.lon, e.lat]);
  const ways = json.elements.flatMap((e) => {
    if (e.type !== 'way' || !e.tags?.highway || !keep(e.id)) return [];
    const ids = e.nodes.filter((n) => nodes.has(n));
    if (ids.length < 2) return [];
    return [{ id: e.id, highway: e.tags.highway, name: e.tags.name ?? null, tags: e.tags, nodes: ids, geom: { type: 'LineString', coordinates: ids.map((n) => nodes.get(n)) } }];
  });
  return db.transaction(async (tx) => {
    await tx.query('DELETE FROM base_ways');
    await tx.query(
      `INSERT INTO base_ways (osm_id, kind, class, name, tags, node_ids, geom)
       SELECT (w->>'id')::bigint, 'highway', w->>'highway', w->>'name', w->'tags',
              ARRAY(SELECT jsonb_array_elements_text(w->'nodes')::bigint), ST_SetSRID(ST_GeomFromGeoJSON(w->>'geom'), 4326)
       FROM jsonb_array_elements($1::jsonb) w`,
      [JSON.stringify(ways)],
    );
    const [row] = await tx.query<{ id: number }>("INSERT INTO base_imports (source_name, source_kind) VALUES ('walking test', 'overpass_json') RETURNING id");
    return row!.id;
  });
}
