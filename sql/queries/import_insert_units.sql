-- One imported unit. $1 values (jsonb text), $2 external id, $3 GeoJSON Point, $4 now.
INSERT INTO units (name, kind, address, operator, places, external_id, location, created_at, updated_at)
SELECT v->>'name', v->>'kind', v->>'address', v->>'operator', COALESCE((v->>'places')::int, 0),
       $2, ST_GeomFromGeoJSON($3::text)::geography, $4::timestamptz, $4::timestamptz
FROM (SELECT $1::jsonb AS v) AS input
RETURNING id
