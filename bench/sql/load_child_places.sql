-- Bulk load of generated child places from a jsonb array ($1, text).
INSERT INTO child_places (external_id, name, kind, location)
SELECT r.external_id, r.name, r.kind, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography
FROM jsonb_to_recordset($1::jsonb) AS r(external_id text, name text, kind text, lon float8, lat float8)
