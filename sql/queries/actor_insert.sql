-- A new actor. $1 properties (jsonb text), $2 GeoJSON Point, $3 now.
INSERT INTO actors (name, category, organisation, contact_about, address, phone, email, website, external_id, location, created_at, updated_at)
SELECT p->>'name', p->>'category', p->>'organisation', p->>'contact_about', p->>'address', p->>'phone', p->>'email',
       p->>'website', p->>'external_id', ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)::geography, $3::timestamptz, $3::timestamptz
FROM (SELECT $1::jsonb AS p) input
RETURNING id
