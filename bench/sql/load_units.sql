-- Bulk load of generated units from a jsonb array ($1, text).
INSERT INTO units (external_id, name, kind, status, places, sensitivity,
                   radius_immediate_m, radius_neighbourhood_m, radius_area_m, location)
SELECT r.external_id, r.name, r.kind, r.status, r.places, r.sensitivity,
       (r.radii->>0)::float8, (r.radii->>1)::float8, (r.radii->>2)::float8,
       ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography
FROM jsonb_to_recordset($1::jsonb) AS r(external_id text, name text, kind text, status text, places int,
                                         sensitivity text, radii jsonb, lon float8, lat float8)
