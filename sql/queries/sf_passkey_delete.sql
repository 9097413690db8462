-- Removes one of a user's passkeys. $1 passkey id, $2 user id.
DELETE FROM passkeys WHERE id = $1 AND user_id = $2 RETURNING id, name
