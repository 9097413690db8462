-- A new session. $1 token hash, $2 user id, $3 now, $4 the browser's User-Agent (cut to
-- 300 characters, NULL when none was sent), $5 the client's address.
INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, user_agent, address)
VALUES ($1, $2, $3::timestamptz, $3::timestamptz, left($4, 300), left($5, 100))
