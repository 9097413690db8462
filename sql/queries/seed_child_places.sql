-- Loads child places from a GeoJSON FeatureCollection ($1, text).
INSERT INTO child_places (name, kind, stages, operator, address, external_id,
                          contact_name, contact_role, contact_phone, contact_email, location)
SELECT p->>'name', p->>'kind',
       coalesce(ARRAY(SELECT jsonb_array_elements_text(p->'stages')), '{}'),
       p->>'operator', p->>'address', p->>'external_id',
       p->>'contact_name', p->>'contact_role', p->>'contact_phone', p->>'contact_email',
       ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326)::geography
FROM jsonb_array_elements($1::jsonb->'features') f
CROSS JOIN LATERAL (SELECT f->'properties' AS p) props
