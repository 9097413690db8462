-- Loads units from a GeoJSON FeatureCollection ($1, text) whose properties are the unit columns.
INSERT INTO units (name, kind, status, address, places, operator, description,
                   contact_name, contact_phone, contact_email, contact_hours,
                   radius_immediate_m, radius_neighbourhood_m, radius_area_m,
                   sensitivity, is_demo, external_id, location)
SELECT p->>'name', p->>'kind', coalesce(p->>'status', 'open'), p->>'address', coalesce((p->>'places')::int, 0),
       p->>'operator', p->>'description',
       p->>'contact_name', p->>'contact_phone', p->>'contact_email', p->>'contact_hours',
       (p->>'radius_immediate_m')::float8, (p->>'radius_neighbourhood_m')::float8, (p->>'radius_area_m')::float8,
       coalesce(p->>'sensitivity', 'public'), coalesce((p->>'is_demo')::boolean, false), p->>'external_id',
       ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326)::geography
FROM jsonb_array_elements($1::jsonb->'features') f
CROSS JOIN LATERAL (SELECT f->'properties' AS p) props
