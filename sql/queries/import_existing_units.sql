-- Existing units whose external ids are in $1 (a JSON array of text), with the values an
-- import compares (re-importing the same file must count them unchanged).
SELECT t.id, t.external_id, t.version,
       jsonb_build_object('name', t.name, 'kind', t.kind, 'address', t.address, 'operator', t.operator, 'places', t.places) AS "values",
       ST_AsGeoJSON(t.location::geometry, 7)::json AS geometry
FROM units t
WHERE t.external_id IN (SELECT jsonb_array_elements_text($1::jsonb))
