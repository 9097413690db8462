-- Starts (or restarts) TOTP enrolment with a new secret; a confirmed factor is kept as it is
-- (no row returned: the caller refuses). $1 user id, $2 the sealed secret (api/auth/totp.ts), $3 now.
INSERT INTO totp_factors (user_id, secret, created_at) VALUES ($1, $2, $3::timestamptz)
ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, created_at = EXCLUDED.created_at, last_used_step = NULL
WHERE totp_factors.confirmed_at IS NULL
RETURNING user_id
