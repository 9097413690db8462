-- The actors layer: a page of actors with their active contact persons, and how many match.
-- $1..$4 bbox minLon, minLat, maxLon, maxLat (all NULL for no bbox); $5 categories (comma
-- list) or NULL; $6 search text (name or address, case-insensitive) or NULL; $7 limit; $8 offset.
WITH matched AS (
  -- filtered actors; the bbox is answered by actors_location_geom_gix
  SELECT a.*
  FROM actors a
  WHERE ($1::float8 IS NULL OR a.location::geometry && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326))
    AND ($5::text IS NULL OR a.category = ANY (string_to_array($5::text, ',')))
    AND ($6::text IS NULL OR strpos(lower(a.name), lower($6::text)) > 0 OR strpos(lower(coalesce(a.address, '')), lower($6::text)) > 0)
), page AS (
  -- the requested page, in a stable order
  SELECT * FROM matched ORDER BY name, id LIMIT $7::int OFFSET $8::int
)
SELECT (SELECT count(*) FROM matched)::int AS number_matched,
       coalesce((SELECT json_agg(json_build_object(
         'id', p.id, 'name', p.name, 'category', p.category, 'organisation', p.organisation,
         'contact_about', p.contact_about, 'address', p.address, 'phone', p.phone, 'email', p.email,
         'website', p.website, 'external_id', p.external_id, 'version', p.version,
         'geometry', ST_AsGeoJSON(p.location::geometry, 7)::json,
         'contact_persons', (SELECT coalesce(json_agg(json_build_object('id', cp.id, 'name', cp.name, 'role', cp.role,
                                                                         'phone', cp.phone, 'email', cp.email) ORDER BY cp.id), '[]'::json)
                             FROM contact_persons cp WHERE cp.actor_id = p.id AND cp.active)
       ) ORDER BY p.name, p.id) FROM page p), '[]'::json) AS rows
