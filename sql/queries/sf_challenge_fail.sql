-- Counts a wrong code against a pending sign-in, returning the count so far. $1 token hash.
UPDATE login_challenges SET attempts = attempts + 1 WHERE token_hash = $1 RETURNING attempts
