-- Everything stored about one contact person, with the name of the actor it belongs to. $1 id.
SELECT cp.id, cp.actor_id, a.name AS actor_name, cp.name, cp.role, cp.phone, cp.email, cp.note,
       cp.active, ps_iso(cp.inactivated_at) AS inactivated_at, cp.version,
       ps_iso(cp.created_at) AS created_at, ps_iso(cp.updated_at) AS updated_at
FROM contact_persons cp
JOIN actors a ON a.id = cp.actor_id
WHERE cp.id = $1
