-- Changes an actor if its version is still $2. $1 id, $3 changed properties (jsonb text;
-- a present key means "set"), $4 new GeoJSON Point or null, $5 now.
UPDATE actors a SET
  name          = CASE WHEN p ? 'name' THEN p->>'name' ELSE a.name END,
  category      = CASE WHEN p ? 'category' THEN p->>'category' ELSE a.category END,
  organisation  = CASE WHEN p ? 'organisation' THEN p->>'organisation' ELSE a.organisation END,
  contact_about = CASE WHEN p ? 'contact_about' THEN p->>'contact_about' ELSE a.contact_about END,
  address       = CASE WHEN p ? 'address' THEN p->>'address' ELSE a.address END,
  phone         = CASE WHEN p ? 'phone' THEN p->>'phone' ELSE a.phone END,
  email         = CASE WHEN p ? 'email' THEN p->>'email' ELSE a.email END,
  website       = CASE WHEN p ? 'website' THEN p->>'website' ELSE a.website END,
  external_id   = CASE WHEN p ? 'external_id' THEN p->>'external_id' ELSE a.external_id END,
  location      = CASE WHEN $4::text IS NULL THEN a.location ELSE ST_SetSRID(ST_GeomFromGeoJSON($4::text), 4326)::geography END,
  version       = a.version + 1,
  updated_at    = $5::timestamptz
FROM (SELECT $3::jsonb AS p) input
WHERE a.id = $1 AND a.version = $2
RETURNING a.id
