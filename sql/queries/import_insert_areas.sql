-- Imported areas, one chunk. $1 a JSON array (text) of {external_id, v: the values, g: GeoJSON (Multi)Polygon}; $2 now.
INSERT INTO areas (name, level, code, parent_name, external_id, geom, created_at, updated_at)
SELECT r.v->>'name', r.v->>'level', r.v->>'code', r.v->>'parent_name',
       r.external_id, ST_Multi(ST_GeomFromGeoJSON(r.g::text))::geography, $2::timestamptz, $2::timestamptz
FROM jsonb_to_recordset($1::jsonb) AS r(external_id text, v jsonb, g jsonb)
