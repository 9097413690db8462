-- The active user of a live session, and when the session was last seen
-- (auth_session_touch.sql writes that at most once a minute, so reads stay reads; the
-- idle limit is then measured from up to a minute before the latest request: a session
-- may end that much early, never late).
-- $1 token hash, $2 now, $3 idle limit (minutes), $4 absolute limit (hours).
SELECT ps_iso(s.last_seen_at) AS last_seen_at, u.id, u.email, u.name, u.role, u.must_change_password,
  -- The setting second_factor_required_for names the role and no factor is set (0028).
  (CASE (SELECT value #>> '{}' FROM settings WHERE key = 'second_factor_required_for')
     WHEN 'admin' THEN u.role = 'admin' WHEN 'editor' THEN u.role IN ('editor', 'admin') ELSE false END
   AND NOT EXISTS (SELECT 1 FROM totp_factors f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL)
   AND NOT EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = u.id)) AS second_factor_enrolment_required
FROM sessions s
JOIN users u ON u.id = s.user_id AND u.active
WHERE s.token_hash = $1
  AND s.last_seen_at > $2::timestamptz - make_interval(mins => $3::int)
  AND s.created_at > $2::timestamptz - make_interval(hours => $4::int)
