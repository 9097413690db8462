-- Actors as OGC API features (without contact persons: those are personal data, in
-- the audited contact exports). $1..$4 bbox (all NULL: none); $5 limit (NULL: all);
-- $6 offset; $7 one id or NULL; $8 a CQL2-JSON filter or NULL.
WITH matched AS (
  -- inside the bbox (answered by actors_location_geom_gix) and passing the filter
  SELECT a.*, a.location::geometry AS g FROM actors a
  WHERE ($7::int IS NULL OR a.id = $7::int)
    AND ($1::float8 IS NULL OR a.location::geometry && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326))
    AND ($8::jsonb IS NULL OR ps_cql2($8::jsonb, ps_ogc_actor_properties(a)::jsonb, a.location::geometry) IS TRUE)
), page AS (
  -- the requested page in id order
  SELECT * FROM matched ORDER BY id LIMIT $5::int OFFSET $6::int
)
SELECT (SELECT count(*) FROM matched)::int AS number_matched,
       coalesce((SELECT json_agg(json_build_object(
         'type', 'Feature', 'id', p.id,
         'geometry', ST_AsGeoJSON(p.g, 7)::json,
         'properties', ps_ogc_actor_properties(a))
       ORDER BY p.id) FROM page p JOIN actors a ON a.id = p.id), '[]'::json) AS features
