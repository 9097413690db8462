-- Child places as OGC API features. $1..$4 bbox (all NULL: none); $5 limit (NULL: all);
-- $6 offset; $7 one id or NULL.
WITH matched AS (
  -- inside the bbox, answered by child_places_location_geom_gix
  SELECT c.* FROM child_places c
  WHERE ($7::int IS NULL OR c.id = $7::int)
    AND ($1::float8 IS NULL OR c.location::geometry && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326))
), page AS (
  -- the requested page in id order
  SELECT * FROM matched ORDER BY id LIMIT $5::int OFFSET $6::int
)
SELECT (SELECT count(*) FROM matched)::int AS number_matched,
       coalesce((SELECT json_agg(json_build_object(
         'type', 'Feature', 'id', p.id,
         'geometry', ST_AsGeoJSON(p.location::geometry, 7)::json,
         'properties', json_build_object(
           'name', p.name, 'kind', p.kind, 'stages', array_to_string(p.stages, ','), 'operator', p.operator, 'address', p.address,
           'contact_name', p.contact_name, 'contact_role', p.contact_role, 'contact_phone', p.contact_phone, 'contact_email', p.contact_email,
           'external_id', p.external_id, 'updated_at', ps_iso(p.updated_at))
       ) ORDER BY p.id) FROM page p), '[]'::json) AS features
