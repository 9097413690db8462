-- Notes a token's use. $1 token id, $2 now.
UPDATE api_tokens SET last_used_at = $2::timestamptz WHERE id = $1
