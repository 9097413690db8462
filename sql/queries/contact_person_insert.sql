-- A new contact person of actor $1. $2 properties (jsonb text), $3 now.
INSERT INTO contact_persons (actor_id, name, role, phone, email, note, created_at, updated_at)
SELECT $1, p->>'name', p->>'role', p->>'phone', p->>'email', p->>'note', $3::timestamptz, $3::timestamptz
FROM (SELECT $2::jsonb AS p) input
RETURNING id
