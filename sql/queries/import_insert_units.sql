-- Imported units, one chunk. $1 a JSON array (text) of {external_id, v: the values, lon, lat}; $2 now.
-- Status, sensitivity and radii keep their defaults (open, public, the global radii).
INSERT INTO units (name, kind, address, operator, places, external_id, location, created_at, updated_at)
SELECT r.v->>'name', r.v->>'kind', r.v->>'address', r.v->>'operator', COALESCE((r.v->>'places')::int, 0),
       r.external_id, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography, $2::timestamptz, $2::timestamptz
FROM jsonb_to_recordset($1::jsonb) AS r(external_id text, v jsonb, lon float8, lat float8)
