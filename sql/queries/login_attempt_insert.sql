-- Records one sign-in attempt. $1 at, $2 e-mail, $3 address, $4 success.
INSERT INTO login_attempts (at, email, address, success) VALUES ($1::timestamptz, $2, $3, $4)
