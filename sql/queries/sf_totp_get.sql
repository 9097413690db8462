-- A user's TOTP secret (sealed: api/auth/totp.ts), whether it is confirmed, and the time step of its latest accepted code. $1 user id.
SELECT secret, confirmed_at IS NOT NULL AS confirmed, last_used_step FROM totp_factors WHERE user_id = $1
