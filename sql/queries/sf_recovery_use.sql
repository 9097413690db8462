-- Uses one unused recovery code of a user, once. $1 user id, $2 the code's SHA-256, $3 now.
UPDATE recovery_codes SET used_at = $3::timestamptz
WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL
RETURNING id
