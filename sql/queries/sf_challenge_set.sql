-- Gives a pending sign-in a new WebAuthn challenge (the previous one stops working). $1 token hash, $2 challenge.
UPDATE login_challenges SET challenge = $2 WHERE token_hash = $1 RETURNING token_hash
