-- Changes an actor if its version is still $2. $1 id, $3 changed properties (jsonb text;
-- a present key means "set"), $4 new GeoJSON Point or null, $5 now.
-- jsonb_populate_record over the row itself takes a present key's value and keeps the
-- column's own value for an absent one; only the columns named here can change.
UPDATE actors a SET
  (name, category, organisation, contact_about, address, phone, email, website, external_id) =
    (SELECT n.name, n.category, n.organisation, n.contact_about, n.address, n.phone, n.email, n.website, n.external_id
     FROM jsonb_populate_record(a, $3::jsonb) n),
  location   = CASE WHEN $4::text IS NULL THEN a.location ELSE ST_SetSRID(ST_GeomFromGeoJSON($4::text), 4326)::geography END,
  version    = a.version + 1,
  updated_at = $5::timestamptz
WHERE a.id = $1 AND a.version = $2
RETURNING a.id
