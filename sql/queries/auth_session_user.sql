-- The active user of a live session, touching its last_seen_at.
-- $1 token hash, $2 now, $3 idle limit (minutes), $4 absolute limit (hours),
-- $5 seconds between touches.
-- last_seen_at is written at most once per $5 seconds, so a page that makes a dozen
-- calls makes one write, not twelve. The idle limit is then measured from up to $5
-- seconds before the latest request: a session may end that much early, never late.
WITH hit AS (
  SELECT s.token_hash, s.last_seen_at, u.id, u.email, u.name, u.role
  FROM sessions s
  JOIN users u ON u.id = s.user_id AND u.active
  WHERE s.token_hash = $1
    AND s.last_seen_at > $2::timestamptz - make_interval(mins => $3::int)
    AND s.created_at > $2::timestamptz - make_interval(hours => $4::int)
), touched AS (
  UPDATE sessions s SET last_seen_at = $2::timestamptz
  FROM hit
  WHERE s.token_hash = hit.token_hash AND hit.last_seen_at < $2::timestamptz - make_interval(secs => $5::int)
  RETURNING s.token_hash
)
SELECT id, email, name, role FROM hit
