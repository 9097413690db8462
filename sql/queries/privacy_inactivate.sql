-- Inactivates an active contact person: from now on hidden wherever contacts are shown. $1 id, $2 now.
UPDATE contact_persons
SET active = false, inactivated_at = $2::timestamptz, version = version + 1, updated_at = $2::timestamptz
WHERE id = $1 AND active
RETURNING id, actor_id, name, active, ps_iso(inactivated_at) AS inactivated_at, version
