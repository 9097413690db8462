-- A new account made at its first sign-in with a provider. $1 e-mail (lower case), $2 name,
-- $3 role, $4 active (false: waiting for an administrator), $5 now. The password hash is
-- a marker no password verifies against (argon2 refuses it), so the account has no local
-- password until an administrator sets one. No row back: an account with the e-mail was
-- made meanwhile.
INSERT INTO users (email, name, role, password_hash, active, created_at, updated_at)
VALUES ($1, $2, $3, '!oidc', $4, $5::timestamptz, $5::timestamptz)
ON CONFLICT (email) DO NOTHING
RETURNING id, email, name, role, active, must_change_password
