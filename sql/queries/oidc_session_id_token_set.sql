-- Keeps the ID token with the session it opened. $1 token hash, $2 the ID token.
UPDATE sessions SET id_token = $2 WHERE token_hash = $1
