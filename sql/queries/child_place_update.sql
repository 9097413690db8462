-- Changes a child place if its version is still $2. $1 id, $3 changed properties (jsonb
-- text; a present key means "set"), $4 new GeoJSON Point or null, $5 now. Changing kind
-- away from school clears stages. jsonb_populate_record over the row itself takes a
-- present key's value and keeps the column's own value for an absent one.
UPDATE child_places c SET
  (name, kind, operator, address, external_id, contact_name, contact_role, contact_phone, contact_email) =
    (SELECT n.name, n.kind, n.operator, n.address, n.external_id, n.contact_name, n.contact_role, n.contact_phone, n.contact_email
     FROM jsonb_populate_record(c, p) n),
  stages     = CASE WHEN p ? 'stages' THEN ARRAY(SELECT jsonb_array_elements_text(p->'stages'))
                    WHEN p ? 'kind' AND p->>'kind' <> 'school' THEN '{}'::text[] ELSE c.stages END,
  location   = CASE WHEN $4::text IS NULL THEN c.location ELSE ST_SetSRID(ST_GeomFromGeoJSON($4::text), 4326)::geography END,
  version    = c.version + 1,
  updated_at = $5::timestamptz
FROM (SELECT $3::jsonb AS p) input
WHERE c.id = $1 AND c.version = $2
RETURNING c.id
