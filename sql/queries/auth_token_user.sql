-- The active user of an unrevoked personal API token, noting its use. $1 token hash, $2 now.
UPDATE api_tokens t SET last_used_at = $2::timestamptz
FROM users u
WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id AND u.active
RETURNING u.id, u.email, u.name, u.role
