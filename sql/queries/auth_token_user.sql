-- The active user of an unrevoked personal API token, noting its use.
-- $1 token hash, $2 now, $3 seconds between notes of use.
-- last_used_at is written at most once per $3 seconds: writing it on every request
-- made each API call a write transaction, and concurrent calls with one token queued
-- on that row's lock (bench/RESULTS.md, HTTP load). An UPDATE of no rows writes nothing.
WITH hit AS (
  SELECT t.id AS token_id, t.last_used_at, u.id, u.email, u.name, u.role
  FROM api_tokens t
  JOIN users u ON u.id = t.user_id AND u.active
  WHERE t.token_hash = $1 AND t.revoked_at IS NULL
), noted AS (
  UPDATE api_tokens t SET last_used_at = $2::timestamptz
  FROM hit
  WHERE t.id = hit.token_id
    AND (hit.last_used_at IS NULL OR hit.last_used_at < $2::timestamptz - make_interval(secs => $3::int))
  RETURNING t.id
)
SELECT id, email, name, role FROM hit
