-- The areas list: a page of areas and how many match. $1..$4 bbox minLon, minLat,
-- maxLon, maxLat (all NULL: none); $5 levels (comma list) or NULL; $6 name search or
-- NULL; $7 limit; $8 offset.
WITH matched AS (
  -- areas whose bounding box meets the bbox, of the levels asked, whose name matches
  SELECT a.* FROM areas a
  WHERE ($1::float8 IS NULL OR a.geom::geometry && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326))
    AND ($5::text IS NULL OR a.level = ANY (string_to_array($5::text, ',')))
    AND ($6::text IS NULL OR strpos(lower(a.name), lower($6::text)) > 0 OR a.code = $6::text)
), page AS (
  -- the requested page: city areas before primary areas, then by name
  SELECT * FROM matched ORDER BY array_position(ARRAY['city_area', 'primary_area', 'other'], level), name, id LIMIT $7::int OFFSET $8::int
)
SELECT (SELECT count(*) FROM matched)::int AS number_matched,
       coalesce((SELECT json_agg(json_build_object(
         'type', 'Feature', 'id', p.id,
         'geometry', ST_AsGeoJSON(p.geom::geometry, 7)::json,
         'properties', json_build_object('name', p.name, 'level', p.level, 'code', p.code, 'parent_name', p.parent_name,
                                         'external_id', p.external_id, 'version', p.version, 'updated_at', ps_iso(p.updated_at))
       ) ORDER BY array_position(ARRAY['city_area', 'primary_area', 'other'], p.level), p.name, p.id) FROM page p), '[]'::json) AS features
