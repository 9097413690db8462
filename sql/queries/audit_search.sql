-- A page of the audit log, newest first, with the number of matching entries.
-- Each filter is optional (null): $1 entity, $2 entity id, $3 user id, $4 action,
-- $5 from (inclusive), $6 to (exclusive), $7 limit, $8 offset. Repeated reads of the
-- same restricted units' exact locations by one user, each within $9 minutes (the
-- session idle time) of the one before, are one row with their count and first time:
-- a page load asks several endpoints, and each answer is logged on its own.
WITH matching AS (
  -- entries passing every given filter
  SELECT *
  FROM audit_log
  WHERE ($1::text IS NULL OR entity = $1::text)
    AND ($2::text IS NULL OR entity_id = $2::text)
    AND ($3::int IS NULL OR user_id = $3::int)
    AND ($4::text IS NULL OR action = $4::text)
    AND ($5::timestamptz IS NULL OR at >= $5::timestamptz)
    AND ($6::timestamptz IS NULL OR at < $6::timestamptz)
),
marked AS (
  -- 1 where an entry starts a new row: every entry but a repeated exact read
  SELECT m.*,
         CASE WHEN m.action = 'read_exact'
                   AND m.at - lag(m.at) OVER same <= make_interval(mins => $9::int) THEN 0 ELSE 1 END AS starts,
         -- what makes exact reads "the same": who, and which units
         CASE WHEN m.action = 'read_exact' THEN coalesce(m.details->'unit_ids', to_jsonb(m.entity_id)) END AS read_key
  FROM matching m
  WINDOW same AS (PARTITION BY m.action, m.user_id, CASE WHEN m.action = 'read_exact' THEN coalesce(m.details->'unit_ids', to_jsonb(m.entity_id)) END ORDER BY m.at, m.id)
),
runs AS (
  -- a run number per row: the running count of starts within the same partition
  SELECT marked.*,
         sum(starts) OVER (PARTITION BY action, user_id, read_key ORDER BY at, id) AS run,
         -- other actions are each their own row
         CASE WHEN action = 'read_exact' THEN NULL ELSE id END AS own
  FROM marked
),
folded AS (
  -- one row per run: the newest entry, how many it stands for, and when the run began
  SELECT (array_agg(id ORDER BY at DESC, id DESC))[1] AS id, count(*)::int AS count, min(at) AS first_at
  FROM runs
  GROUP BY action, user_id, read_key, run, own
)
SELECT a.id::int AS id, ps_iso(a.at) AS at, ps_iso(f.first_at) AS first_at, f.count,
       a.user_id, a.user_email, a.action, a.entity, a.entity_id, a.before, a.after, a.details,
       (SELECT count(*)::int FROM folded) AS total
FROM folded f
JOIN audit_log a ON a.id = f.id
ORDER BY a.at DESC, a.id DESC
LIMIT $7::int OFFSET $8::int
