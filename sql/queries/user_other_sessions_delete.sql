-- Ends every session of a user but the one it acts in (its own password change).
-- $1 user id, $2 the SHA-256 of the session token kept (NULL: none is kept).
DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2
RETURNING user_id
