-- A new user account. $1 e-mail (lower case), $2 name, $3 role, $4 argon2id hash, $5 now.
INSERT INTO users (email, name, role, password_hash, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5::timestamptz, $5::timestamptz)
RETURNING id, email, name, role, active, must_change_password, version, ps_iso(created_at) AS created_at, ps_iso(updated_at) AS updated_at
