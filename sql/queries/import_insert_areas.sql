-- One imported area. $1 values (jsonb text), $2 external id, $3 GeoJSON MultiPolygon, $4 now.
INSERT INTO areas (name, level, code, parent_name, external_id, geom, created_at, updated_at)
SELECT v->>'name', v->>'level', v->>'code', v->>'parent_name',
       $2, ST_Multi(ST_GeomFromGeoJSON($3::text))::geography, $4::timestamptz, $4::timestamptz
FROM (SELECT $1::jsonb AS v) AS input
RETURNING id
