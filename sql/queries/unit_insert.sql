-- A new unit. $1 properties (jsonb text, validated), $2 geometry (GeoJSON Point text), $3 now.
INSERT INTO units (name, kind, status, address, places, operator, description,
                   contact_name, contact_phone, contact_email, contact_hours,
                   radius_immediate_m, radius_neighbourhood_m, radius_area_m,
                   sensitivity, external_id, location, created_at, updated_at)
SELECT p->>'name', p->>'kind', coalesce(p->>'status', 'open'), p->>'address', coalesce((p->>'places')::int, 0), p->>'operator', p->>'description',
       p->>'contact_name', p->>'contact_phone', p->>'contact_email', p->>'contact_hours',
       (p->'radii'->>'immediate')::float8, (p->'radii'->>'neighbourhood')::float8, (p->'radii'->>'area')::float8,
       coalesce(p->>'sensitivity', 'public'), p->>'external_id',
       ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)::geography, $3::timestamptz, $3::timestamptz
FROM (SELECT $1::jsonb AS p) input
RETURNING id
