-- Removes every passkey of a user (an administrator's reset). $1 user id.
DELETE FROM passkeys WHERE user_id = $1 RETURNING id
