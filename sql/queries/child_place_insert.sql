-- A new child place. $1 properties (jsonb text), $2 GeoJSON Point, $3 now.
INSERT INTO child_places (name, kind, stages, operator, address, external_id, contact_name, contact_role,
                          contact_phone, contact_email, location, created_at, updated_at)
SELECT p->>'name', p->>'kind', coalesce(ARRAY(SELECT jsonb_array_elements_text(p->'stages')), '{}'),
       p->>'operator', p->>'address', p->>'external_id', p->>'contact_name', p->>'contact_role',
       p->>'contact_phone', p->>'contact_email', ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)::geography,
       $3::timestamptz, $3::timestamptz
FROM (SELECT $1::jsonb AS p) input
RETURNING id
