-- Revokes every unrevoked personal API token of a user (disabled, or password changed):
-- for good, so enabling the account again does not bring them back. $1 user id, $2 now.
UPDATE api_tokens SET revoked_at = $2::timestamptz
WHERE user_id = $1 AND revoked_at IS NULL
RETURNING id
