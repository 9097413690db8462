-- Bulk load of generated actors from a jsonb array ($1, text).
INSERT INTO actors (external_id, name, category, address, location)
SELECT r.external_id, r.name, r.category, r.address, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography
FROM jsonb_to_recordset($1::jsonb) AS r(external_id text, name text, category text, address text, lon float8, lat float8)
