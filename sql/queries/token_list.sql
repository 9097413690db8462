-- The caller's unrevoked personal API tokens, without their hashes. $1 user id.
SELECT id, name, ps_iso(created_at) AS created_at, ps_iso(last_used_at) AS last_used_at
FROM api_tokens
WHERE user_id = $1 AND revoked_at IS NULL
ORDER BY id
