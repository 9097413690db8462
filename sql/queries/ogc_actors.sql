-- Actors as OGC API features (without contact persons: those are personal data, in
-- the audited contact exports). $1..$4 bbox (all NULL: none); $5 limit (NULL: all);
-- $6 offset; $7 one id or NULL.
WITH matched AS (
  -- inside the bbox, answered by actors_location_geom_gix
  SELECT a.* FROM actors a
  WHERE ($7::int IS NULL OR a.id = $7::int)
    AND ($1::float8 IS NULL OR a.location::geometry && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326))
), page AS (
  -- the requested page in id order
  SELECT * FROM matched ORDER BY id LIMIT $5::int OFFSET $6::int
)
SELECT (SELECT count(*) FROM matched)::int AS number_matched,
       coalesce((SELECT json_agg(json_build_object(
         'type', 'Feature', 'id', p.id,
         'geometry', ST_AsGeoJSON(p.location::geometry, 7)::json,
         'properties', json_build_object(
           'name', p.name, 'category', p.category, 'organisation', p.organisation, 'contact_about', p.contact_about,
           'address', p.address, 'phone', p.phone, 'email', p.email, 'website', p.website,
           'external_id', p.external_id, 'updated_at', ps_iso(p.updated_at))
       ) ORDER BY p.id) FROM page p), '[]'::json) AS features
