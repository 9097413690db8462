-- Ends every session of a user (disabled, or password changed). $1 user id.
DELETE FROM sessions WHERE user_id = $1
