-- Changes a unit if its version is still $2. $1 id, $3 the changed properties (jsonb
-- text; a key present means "set", radii null means "back to the global radii"),
-- $4 new geometry (GeoJSON text) or null, $5 now. Returns the id when it matched.
UPDATE units u SET
  name          = CASE WHEN p ? 'name' THEN p->>'name' ELSE u.name END,
  kind          = CASE WHEN p ? 'kind' THEN p->>'kind' ELSE u.kind END,
  status        = CASE WHEN p ? 'status' THEN p->>'status' ELSE u.status END,
  address       = CASE WHEN p ? 'address' THEN p->>'address' ELSE u.address END,
  places        = CASE WHEN p ? 'places' THEN (p->>'places')::int ELSE u.places END,
  operator      = CASE WHEN p ? 'operator' THEN p->>'operator' ELSE u.operator END,
  description   = CASE WHEN p ? 'description' THEN p->>'description' ELSE u.description END,
  contact_name  = CASE WHEN p ? 'contact_name' THEN p->>'contact_name' ELSE u.contact_name END,
  contact_phone = CASE WHEN p ? 'contact_phone' THEN p->>'contact_phone' ELSE u.contact_phone END,
  contact_email = CASE WHEN p ? 'contact_email' THEN p->>'contact_email' ELSE u.contact_email END,
  contact_hours = CASE WHEN p ? 'contact_hours' THEN p->>'contact_hours' ELSE u.contact_hours END,
  radius_immediate_m     = CASE WHEN p ? 'radii' THEN (p->'radii'->>'immediate')::float8 ELSE u.radius_immediate_m END,
  radius_neighbourhood_m = CASE WHEN p ? 'radii' THEN (p->'radii'->>'neighbourhood')::float8 ELSE u.radius_neighbourhood_m END,
  radius_area_m          = CASE WHEN p ? 'radii' THEN (p->'radii'->>'area')::float8 ELSE u.radius_area_m END,
  sensitivity   = CASE WHEN p ? 'sensitivity' THEN p->>'sensitivity' ELSE u.sensitivity END,
  external_id   = CASE WHEN p ? 'external_id' THEN p->>'external_id' ELSE u.external_id END,
  location      = CASE WHEN $4::text IS NULL THEN u.location ELSE ST_SetSRID(ST_GeomFromGeoJSON($4::text), 4326)::geography END,
  version       = u.version + 1,
  updated_at    = $5::timestamptz
FROM (SELECT $3::jsonb AS p) input
WHERE u.id = $1 AND u.version = $2
RETURNING u.id
