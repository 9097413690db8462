-- The active user of a live session, touching its last_seen_at.
-- $1 token hash, $2 now, $3 idle limit (minutes), $4 absolute limit (hours).
UPDATE sessions s SET last_seen_at = $2::timestamptz
FROM users u
WHERE s.token_hash = $1 AND u.id = s.user_id AND u.active
  AND s.last_seen_at > $2::timestamptz - make_interval(mins => $3::int)
  AND s.created_at > $2::timestamptz - make_interval(hours => $4::int)
RETURNING u.id, u.email, u.name, u.role
