-- Changes a contact person if its version is still $2. $1 id, $3 changed properties (jsonb text), $4 now.
-- "active": false inactivates (the person no longer works there): hidden at once like the
-- administrators' privacy inactivation, with inactivated_at starting the retention.
UPDATE contact_persons c SET
  name  = CASE WHEN p ? 'name' THEN p->>'name' ELSE c.name END,
  role  = CASE WHEN p ? 'role' THEN p->>'role' ELSE c.role END,
  phone = CASE WHEN p ? 'phone' THEN p->>'phone' ELSE c.phone END,
  email = CASE WHEN p ? 'email' THEN p->>'email' ELSE c.email END,
  note  = CASE WHEN p ? 'note' THEN p->>'note' ELSE c.note END,
  active = CASE WHEN p ? 'active' THEN c.active AND (p->>'active')::boolean ELSE c.active END,
  inactivated_at = CASE WHEN p ? 'active' AND c.active AND NOT (p->>'active')::boolean THEN $4::timestamptz ELSE c.inactivated_at END,
  version = c.version + 1,
  updated_at = $4::timestamptz
FROM (SELECT $3::jsonb AS p) input
WHERE c.id = $1 AND c.version = $2
RETURNING c.id
