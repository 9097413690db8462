-- Deletes every recovery code of a user. $1 user id.
DELETE FROM recovery_codes WHERE user_id = $1 RETURNING id
