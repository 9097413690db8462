-- A user's latest live passkey registration challenge, used once. $1 user id, $2 now.
DELETE FROM login_challenges
WHERE user_id = $1 AND purpose = 'passkey_register' AND expires_at > $2::timestamptz
RETURNING challenge, created_at
