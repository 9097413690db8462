-- Imported child places, one chunk. $1 a JSON array (text) of {external_id, v: the values, lon, lat}; $2 now.
INSERT INTO child_places (name, kind, address, operator, external_id, location, created_at, updated_at)
SELECT r.v->>'name', r.v->>'kind', r.v->>'address', r.v->>'operator',
       r.external_id, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography, $2::timestamptz, $2::timestamptz
FROM jsonb_to_recordset($1::jsonb) AS r(external_id text, v jsonb, lon float8, lat float8)
