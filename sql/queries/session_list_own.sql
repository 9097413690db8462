-- A user's live sessions, the latest used first, with the one the request is made in
-- marked. Only sessions inside both time limits are listed: an expired one can no longer
-- be used, and the sign-in check (auth_session_user.sql) refuses it.
-- $1 user id, $2 the SHA-256 of the caller's session token (NULL when it came with an API
-- token), $3 now, $4 idle limit (minutes), $5 absolute limit (hours).
SELECT id, ps_iso(created_at) AS created_at, ps_iso(last_seen_at) AS last_seen_at, user_agent, address,
       token_hash IS NOT DISTINCT FROM $2 AS current
FROM sessions
WHERE user_id = $1
  AND last_seen_at > $3::timestamptz - make_interval(mins => $4::int)
  AND created_at > $3::timestamptz - make_interval(hours => $5::int)
ORDER BY last_seen_at DESC, id DESC
