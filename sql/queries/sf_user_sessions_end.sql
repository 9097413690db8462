-- Ends every session of a user after an administrator reset their second factor. $1 user id.
DELETE FROM sessions WHERE user_id = $1 RETURNING user_id
