-- One imported actor. $1 values (jsonb text), $2 external id, $3 GeoJSON Point, $4 now.
INSERT INTO actors (name, category, address, organisation, phone, email, website, external_id, location, created_at, updated_at)
SELECT v->>'name', v->>'category', v->>'address', v->>'organisation', v->>'phone', v->>'email', v->>'website',
       $2, ST_GeomFromGeoJSON($3::text)::geography, $4::timestamptz, $4::timestamptz
FROM (SELECT $1::jsonb AS v) AS input
RETURNING id
