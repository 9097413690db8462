-- Accepts a TOTP code's time step once: only a step after the latest accepted one moves
-- it (two requests with the same code cannot both pass), and the first accepted code
-- confirms the factor. $1 user id, $2 the code's time step, $3 now.
UPDATE totp_factors SET last_used_step = $2, confirmed_at = COALESCE(confirmed_at, $3::timestamptz)
WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2)
RETURNING user_id
