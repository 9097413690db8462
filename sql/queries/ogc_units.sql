-- Units as OGC API features. $1 whether the caller has need-to-know (else restricted
-- units are shown snapped to the 250 m grid, without address); $2..$5 bbox minLon,
-- minLat, maxLon, maxLat (all NULL: none); $6 limit (NULL: all); $7 offset; $8 one id or NULL.
WITH shown AS (
  -- every unit with the location this caller may see; the bbox is tested on that
  -- location, so a bbox cannot probe a restricted unit's exact position
  SELECT u.*,
         ps_shows_coarse(u.sensitivity, $1::boolean) AS coarse,
         ps_visible_location(u.sensitivity, u.location, $1::boolean)::geometry AS g
  FROM units u
  WHERE ($8::int IS NULL OR u.id = $8::int)
), matched AS (
  -- inside the bbox
  SELECT * FROM shown
  WHERE ($2::float8 IS NULL OR g && ST_MakeEnvelope($2::float8, $3::float8, $4::float8, $5::float8, 4326))
), page AS (
  -- the requested page in id order
  SELECT * FROM matched ORDER BY id LIMIT $6::int OFFSET $7::int
)
SELECT (SELECT count(*) FROM matched)::int AS number_matched,
       coalesce((SELECT json_agg(json_build_object(
         'type', 'Feature', 'id', p.id,
         'geometry', ST_AsGeoJSON(p.g, 7)::json,
         'properties', json_build_object(
           'name', p.name, 'kind', p.kind, 'status', p.status,
           'address', CASE WHEN p.coarse THEN NULL ELSE p.address END,
           'places', p.places, 'operator', p.operator,
           'contact_name', p.contact_name, 'contact_phone', p.contact_phone, 'contact_email', p.contact_email, 'contact_hours', p.contact_hours,
           'sensitivity', p.sensitivity, 'location_precision', CASE WHEN p.coarse THEN 'coarse' ELSE 'exact' END,
           'external_id', p.external_id, 'updated_at', ps_iso(p.updated_at))
       ) ORDER BY p.id) FROM page p), '[]'::json) AS features
