-- Notes a session's activity. $1 token hash, $2 now.
UPDATE sessions SET last_seen_at = $2::timestamptz WHERE token_hash = $1
