-- Sets an active user's own new password hash, which ends a temporary one.
-- $1 id, $2 password hash, $3 now.
UPDATE users SET password_hash = $2, must_change_password = false, version = version + 1, updated_at = $3::timestamptz
WHERE id = $1 AND active
RETURNING id, version
