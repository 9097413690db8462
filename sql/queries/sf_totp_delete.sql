-- Removes a user's TOTP factor. $1 user id.
DELETE FROM totp_factors WHERE user_id = $1 RETURNING user_id
