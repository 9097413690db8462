-- Changes a contact person if its version is still $2. $1 id, $3 changed properties (jsonb text), $4 now.
-- "active": false inactivates (the person no longer works there): hidden at once like the
-- administrators' privacy inactivation, with inactivated_at starting the retention.
-- jsonb_populate_record over the row itself takes a present key's value and keeps the
-- column's own value for an absent one.
UPDATE contact_persons c SET
  (name, role, phone, email, note) = (SELECT n.name, n.role, n.phone, n.email, n.note FROM jsonb_populate_record(c, p) n),
  active = CASE WHEN p ? 'active' THEN c.active AND (p->>'active')::boolean ELSE c.active END,
  inactivated_at = CASE WHEN p ? 'active' AND c.active AND NOT (p->>'active')::boolean THEN $4::timestamptz ELSE c.inactivated_at END,
  version = c.version + 1,
  updated_at = $4::timestamptz
FROM (SELECT $3::jsonb AS p) input
WHERE c.id = $1 AND c.version = $2
RETURNING c.id
