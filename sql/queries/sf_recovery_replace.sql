-- A user's new recovery codes (SHA-256 of each), after their old ones are deleted by
-- sf_recovery_delete. $1 user id, $2 the hashes as a JSON array, $3 now.
INSERT INTO recovery_codes (user_id, code_hash, created_at)
SELECT $1, h, $3::timestamptz FROM jsonb_array_elements_text($2::jsonb) AS h
RETURNING id
