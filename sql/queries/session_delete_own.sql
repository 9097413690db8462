-- Ends one of a user's own sessions; another user's session, or one already ended, is no
-- row. $1 session id, $2 user id, $3 the SHA-256 of the caller's session token.
DELETE FROM sessions WHERE id = $1 AND user_id = $2
RETURNING id, token_hash IS NOT DISTINCT FROM $3 AS current
