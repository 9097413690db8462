-- Changes a child place if its version is still $2. $1 id, $3 changed properties (jsonb
-- text), $4 new GeoJSON Point or null, $5 now. Changing kind away from school clears stages.
UPDATE child_places c SET
  name          = CASE WHEN p ? 'name' THEN p->>'name' ELSE c.name END,
  kind          = CASE WHEN p ? 'kind' THEN p->>'kind' ELSE c.kind END,
  stages        = CASE WHEN p ? 'stages' THEN ARRAY(SELECT jsonb_array_elements_text(p->'stages'))
                       WHEN p ? 'kind' AND p->>'kind' <> 'school' THEN '{}'::text[] ELSE c.stages END,
  operator      = CASE WHEN p ? 'operator' THEN p->>'operator' ELSE c.operator END,
  address       = CASE WHEN p ? 'address' THEN p->>'address' ELSE c.address END,
  external_id   = CASE WHEN p ? 'external_id' THEN p->>'external_id' ELSE c.external_id END,
  contact_name  = CASE WHEN p ? 'contact_name' THEN p->>'contact_name' ELSE c.contact_name END,
  contact_role  = CASE WHEN p ? 'contact_role' THEN p->>'contact_role' ELSE c.contact_role END,
  contact_phone = CASE WHEN p ? 'contact_phone' THEN p->>'contact_phone' ELSE c.contact_phone END,
  contact_email = CASE WHEN p ? 'contact_email' THEN p->>'contact_email' ELSE c.contact_email END,
  location      = CASE WHEN $4::text IS NULL THEN c.location ELSE ST_SetSRID(ST_GeomFromGeoJSON($4::text), 4326)::geography END,
  version       = c.version + 1,
  updated_at    = $5::timestamptz
FROM (SELECT $3::jsonb AS p) input
WHERE c.id = $1 AND c.version = $2
RETURNING c.id
