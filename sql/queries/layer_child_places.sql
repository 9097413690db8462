-- The child places layer: a page of child places, and how many match.
-- $1..$4 bbox minLon, minLat, maxLon, maxLat (all NULL for no bbox); $5 kinds (comma list)
-- or NULL; $6 search text (name or address, case-insensitive) or NULL; $7 limit; $8 offset.
WITH matched AS (
  -- filtered child places; the bbox is answered by child_places_location_geom_gix
  SELECT c.*
  FROM child_places c
  WHERE ($1::float8 IS NULL OR c.location::geometry && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326))
    AND ($5::text IS NULL OR c.kind = ANY (string_to_array($5::text, ',')))
    AND ($6::text IS NULL OR strpos(lower(c.name), lower($6::text)) > 0 OR strpos(lower(coalesce(c.address, '')), lower($6::text)) > 0)
), page AS (
  -- the requested page, in a stable order
  SELECT * FROM matched ORDER BY name, id LIMIT $7::int OFFSET $8::int
)
SELECT (SELECT count(*) FROM matched)::int AS number_matched,
       coalesce((SELECT json_agg(json_build_object(
         'id', p.id, 'name', p.name, 'kind', p.kind, 'stages', to_json(p.stages), 'operator', p.operator,
         'address', p.address, 'external_id', p.external_id, 'contact_name', p.contact_name,
         'contact_role', p.contact_role, 'contact_phone', p.contact_phone, 'contact_email', p.contact_email,
         'version', p.version, 'geometry', ST_AsGeoJSON(p.location::geometry, 7)::json
       ) ORDER BY p.name, p.id) FROM page p), '[]'::json) AS rows
