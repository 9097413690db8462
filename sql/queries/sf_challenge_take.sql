-- Ends a step once it is used: a second use finds no row. $1 token hash.
DELETE FROM login_challenges WHERE token_hash = $1 RETURNING user_id, challenge
