-- Forgets a reserved sign-in attempt whose password was never checked (the server was too busy to hash). $1 attempt id.
DELETE FROM login_attempts WHERE id = $1 AND success IS NULL
