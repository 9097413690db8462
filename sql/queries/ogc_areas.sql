-- Areas as OGC API features (MultiPolygons). $1..$4 bbox (all NULL: none); $5 limit
-- (NULL: all); $6 offset; $7 one id or NULL.
WITH matched AS (
  -- areas whose bounding box meets the bbox
  SELECT a.* FROM areas a
  WHERE ($7::int IS NULL OR a.id = $7::int)
    AND ($1::float8 IS NULL OR a.geom::geometry && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326))
), page AS (
  -- the requested page in id order
  SELECT * FROM matched ORDER BY id LIMIT $5::int OFFSET $6::int
)
SELECT (SELECT count(*) FROM matched)::int AS number_matched,
       coalesce((SELECT json_agg(json_build_object(
         'type', 'Feature', 'id', p.id,
         'geometry', ST_AsGeoJSON(p.geom::geometry, 7)::json,
         'properties', json_build_object(
           'name', p.name, 'level', p.level, 'code', p.code, 'parent_name', p.parent_name,
           'external_id', p.external_id, 'updated_at', ps_iso(p.updated_at))
       ) ORDER BY p.id) FROM page p), '[]'::json) AS features
