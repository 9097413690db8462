-- The role and enabled state a sign-in's claim values give an account the provider made.
-- $1 user id, $2 role, $3 active, $4 now.
UPDATE users SET role = $2, active = $3::boolean, version = version + 1, updated_at = $4::timestamptz
WHERE id = $1
RETURNING id, email, name, role, active, must_change_password
