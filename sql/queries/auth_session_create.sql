-- A new session. $1 token hash, $2 user id, $3 now.
INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3::timestamptz, $3::timestamptz)
