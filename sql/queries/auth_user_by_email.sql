-- A user by e-mail (lower-cased by the caller), for sign-in.
SELECT id, email, name, role, password_hash, active, must_change_password FROM users WHERE email = $1
