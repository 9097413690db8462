-- Ends every pending step of a user (an administrator's reset). $1 user id.
DELETE FROM login_challenges WHERE user_id = $1 RETURNING user_id
