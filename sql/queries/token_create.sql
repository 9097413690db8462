-- A new personal API token. $1 user id, $2 name, $3 token hash (SHA-256), $4 now.
INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4::timestamptz)
RETURNING id, name, ps_iso(created_at) AS created_at
