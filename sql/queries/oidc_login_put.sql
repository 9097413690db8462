-- A sign-in under way at the provider. $1 hash of the browser's key, $2 state, $3 nonce,
-- $4 PKCE code verifier, $5 now. Older ones (past $6 minutes) are swept first, so the
-- table holds only live attempts.
WITH swept AS (DELETE FROM oidc_logins WHERE created_at < $5::timestamptz - make_interval(mins => $6::int))
INSERT INTO oidc_logins (key_hash, state, nonce, code_verifier, created_at) VALUES ($1, $2, $3, $4, $5::timestamptz)
