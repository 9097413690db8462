-- The active contact persons of a list of actors, in one index scan.
-- $1 actor ids (comma list, as the other queries take lists).
SELECT actor_id, id, name, role, phone, email
FROM contact_persons
WHERE actor_id = ANY (string_to_array($1::text, ',')::int[]) AND active
ORDER BY actor_id, id
