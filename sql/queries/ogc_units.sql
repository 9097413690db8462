-- Units as OGC API features. $1 whether the caller has need-to-know (else restricted
-- units are shown snapped to the 250 m grid, without address); $2..$5 bbox minLon,
-- minLat, maxLon, maxLat (all NULL: none); $6 limit (NULL: all); $7 offset; $8 one id
-- or NULL; $9 a CQL2-JSON filter or NULL.
WITH shown AS (
  -- every unit with the location and properties this caller may see; the bbox and the
  -- filter are tested on those, so neither can probe a restricted unit's exact
  -- position or its address
  SELECT u.id,
         ps_visible_location(u.sensitivity, u.location, $1::boolean)::geometry AS g,
         ps_ogc_unit_properties(u, ps_shows_coarse(u.sensitivity, $1::boolean)) AS props
  FROM units u
  WHERE ($8::int IS NULL OR u.id = $8::int)
), matched AS (
  -- inside the bbox and passing the filter
  SELECT * FROM shown
  WHERE ($2::float8 IS NULL OR g && ST_MakeEnvelope($2::float8, $3::float8, $4::float8, $5::float8, 4326))
    AND ($9::jsonb IS NULL OR ps_cql2($9::jsonb, props::jsonb, g) IS TRUE)
), page AS (
  -- the requested page in id order
  SELECT * FROM matched ORDER BY id LIMIT $6::int OFFSET $7::int
)
SELECT (SELECT count(*) FROM matched)::int AS number_matched,
       coalesce((SELECT json_agg(json_build_object(
         'type', 'Feature', 'id', p.id,
         'geometry', ST_AsGeoJSON(p.g, 7)::json,
         'properties', p.props)
       ORDER BY p.id) FROM page p), '[]'::json) AS features
