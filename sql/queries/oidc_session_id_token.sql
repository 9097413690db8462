-- The ID token a session was opened with (NULL for a password sign-in). $1 token hash.
SELECT id_token FROM sessions WHERE token_hash = $1
