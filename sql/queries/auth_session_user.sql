-- The active user of a live session, and when the session was last seen
-- (auth_session_touch.sql writes that at most once a minute, so reads stay reads; the
-- idle limit is then measured from up to a minute before the latest request: a session
-- may end that much early, never late).
-- $1 token hash, $2 now, $3 idle limit (minutes), $4 absolute limit (hours).
SELECT ps_iso(s.last_seen_at) AS last_seen_at, u.id, u.email, u.name, u.role, u.must_change_password
FROM sessions s
JOIN users u ON u.id = s.user_id AND u.active
WHERE s.token_hash = $1
  AND s.last_seen_at > $2::timestamptz - make_interval(mins => $3::int)
  AND s.created_at > $2::timestamptz - make_interval(hours => $4::int)
