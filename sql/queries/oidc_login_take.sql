-- Takes (deletes and returns) a sign-in under way by the hash of the browser's key, when
-- it began within $3 minutes before $2: each state, nonce and verifier is used once.
DELETE FROM oidc_logins WHERE key_hash = $1
RETURNING state, nonce, code_verifier, created_at >= $2::timestamptz - make_interval(mins => $3::int) AS fresh
