-- Existing areas whose external ids are in $1 (a JSON array of text), with the values an
-- import compares (re-importing the same file must count them unchanged).
SELECT t.id, t.external_id, t.version,
       jsonb_build_object('name', t.name, 'level', t.level, 'code', t.code, 'parent_name', t.parent_name) AS "values",
       ST_AsGeoJSON(t.geom::geometry, 7)::json AS geometry
FROM areas t
WHERE t.external_id IN (SELECT jsonb_array_elements_text($1::jsonb))
