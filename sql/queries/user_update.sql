-- Changes a user when its version still is $2; null leaves a field as it is. A password
-- set here is an administrator's for someone else, so it is temporary (must be changed).
-- $1 id, $2 version, $3 name, $4 role, $5 active, $6 password hash, $7 now.
UPDATE users SET
  name = COALESCE($3, name),
  role = COALESCE($4, role),
  active = COALESCE($5::boolean, active),
  password_hash = COALESCE($6, password_hash),
  must_change_password = must_change_password OR $6 IS NOT NULL,
  version = version + 1,
  updated_at = $7::timestamptz
WHERE id = $1 AND version = $2
RETURNING id, email, name, role, active, must_change_password, version, ps_iso(created_at) AS created_at, ps_iso(updated_at) AS updated_at
