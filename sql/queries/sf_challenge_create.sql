-- Opens a short-lived step (see 0028_second_factor.sql), forgetting expired ones first.
-- $1 token hash, $2 user id, $3 purpose, $4 WebAuthn challenge or NULL, $5 address,
-- $6 user agent, $7 now, $8 minutes it lives.
WITH gone AS (DELETE FROM login_challenges WHERE expires_at <= $7::timestamptz)
INSERT INTO login_challenges (token_hash, user_id, purpose, challenge, address, user_agent, created_at, expires_at)
VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $7::timestamptz + make_interval(mins => $8::int))
RETURNING token_hash
