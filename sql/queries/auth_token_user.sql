-- The active user of an unrevoked personal API token, and when the token was last noted
-- as used (auth_token_touch.sql writes that at most once a minute, so reads stay reads).
-- $1 token hash.
SELECT t.id AS token_id, ps_iso(t.last_used_at) AS last_used_at, u.id, u.email, u.name, u.role, u.must_change_password
FROM api_tokens t
JOIN users u ON u.id = t.user_id AND u.active
WHERE t.token_hash = $1 AND t.revoked_at IS NULL
