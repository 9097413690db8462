-- User accounts without their password hashes; all, or one ($1).
SELECT id, email, name, role, active, must_change_password, version, ps_iso(created_at) AS created_at, ps_iso(updated_at) AS updated_at
FROM users
WHERE ($1::int IS NULL OR id = $1::int)
ORDER BY email, id
