-- The account whose second factor an administrator resets. $1 user id.
SELECT id, email FROM users WHERE id = $1
