-- Changes a unit if its version is still $2. $1 id, $3 the changed properties (jsonb
-- text; a key present means "set", radii null means "back to the global radii"),
-- $4 new geometry (GeoJSON text) or null, $5 now. Returns the id when it matched.
-- jsonb_populate_record over the row itself takes a present key's value and keeps the
-- column's own value for an absent one; the radii come nested, so they are read apart.
UPDATE units u SET
  (name, kind, status, address, places, operator, description,
   contact_name, contact_phone, contact_email, contact_hours, sensitivity, external_id) =
    (SELECT n.name, n.kind, n.status, n.address, n.places, n.operator, n.description,
            n.contact_name, n.contact_phone, n.contact_email, n.contact_hours, n.sensitivity, n.external_id
     FROM jsonb_populate_record(u, p) n),
  radius_immediate_m     = CASE WHEN p ? 'radii' THEN (p->'radii'->>'immediate')::float8 ELSE u.radius_immediate_m END,
  radius_neighbourhood_m = CASE WHEN p ? 'radii' THEN (p->'radii'->>'neighbourhood')::float8 ELSE u.radius_neighbourhood_m END,
  radius_area_m          = CASE WHEN p ? 'radii' THEN (p->'radii'->>'area')::float8 ELSE u.radius_area_m END,
  location   = CASE WHEN $4::text IS NULL THEN u.location ELSE ST_SetSRID(ST_GeomFromGeoJSON($4::text), 4326)::geography END,
  version    = u.version + 1,
  updated_at = $5::timestamptz
FROM (SELECT $3::jsonb AS p) input
WHERE u.id = $1 AND u.version = $2
RETURNING u.id
