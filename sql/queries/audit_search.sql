-- A page of the audit log, newest first, with the number of matching entries.
-- Each filter is optional (null): $1 entity, $2 entity id, $3 user id, $4 action,
-- $5 from (inclusive), $6 to (exclusive), $7 limit, $8 offset.
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
)
SELECT id::int AS id, ps_iso(at) AS at, user_id, user_email, action, entity, entity_id, before, after, details,
       (SELECT count(*)::int FROM matching) AS total
FROM matching
ORDER BY at DESC, id DESC
LIMIT $7::int OFFSET $8::int
