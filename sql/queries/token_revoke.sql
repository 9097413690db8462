-- Revokes one of the caller's own tokens (another user's token matches nothing). $1 token id, $2 user id, $3 now.
UPDATE api_tokens SET revoked_at = $3::timestamptz
WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL
RETURNING id, name
