-- Child places as OGC API features. $1..$4 bbox (all NULL: none); $5 limit (NULL: all);
-- $6 offset; $7 one id or NULL; $8 a CQL2-JSON filter or NULL.
WITH matched AS (
  -- inside the bbox (answered by child_places_location_geom_gix) and passing the filter
  SELECT c.*, c.location::geometry AS g FROM child_places c
  WHERE ($7::int IS NULL OR c.id = $7::int)
    AND ($1::float8 IS NULL OR c.location::geometry && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326))
    AND ($8::jsonb IS NULL OR ps_cql2($8::jsonb, ps_ogc_child_place_properties(c)::jsonb, c.location::geometry) IS TRUE)
), page AS (
  -- the requested page in id order
  SELECT * FROM matched ORDER BY id LIMIT $5::int OFFSET $6::int
)
SELECT (SELECT count(*) FROM matched)::int AS number_matched,
       coalesce((SELECT json_agg(json_build_object(
         'type', 'Feature', 'id', p.id,
         'geometry', ST_AsGeoJSON(p.g, 7)::json,
         'properties', ps_ogc_child_place_properties(c))
       ORDER BY p.id) FROM page p JOIN child_places c ON c.id = p.id), '[]'::json) AS features
