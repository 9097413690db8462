-- Records the outcome of a reserved sign-in attempt. $1 attempt id, $2 success.
UPDATE login_attempts SET success = $2 WHERE id = $1
