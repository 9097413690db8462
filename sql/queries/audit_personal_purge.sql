-- Erases contact persons' personal values from the audit trail; one row per person erased.
-- Those of the persons just purged ($1, jsonb text: an array of ids), and of persons
-- deleted otherwise (by an editor, or with their actor) whose last audit entry is
-- older than the retention. $2 now, $3 retention (days).
WITH gone AS (
  -- persons no longer stored whose values were last recorded before the retention
  SELECT ap.contact_person_id
  FROM audit_personal ap
  JOIN audit_log l ON l.id = ap.audit_id
  WHERE NOT EXISTS (SELECT 1 FROM contact_persons cp WHERE cp.id = ap.contact_person_id)
  GROUP BY ap.contact_person_id
  HAVING max(l.at) < $2::timestamptz - make_interval(days => $3::int)
), erased AS (
  -- the values themselves (the guard trigger refuses this while a person exists)
  DELETE FROM audit_personal
  WHERE contact_person_id IN (SELECT jsonb_array_elements_text($1::jsonb)::int)
     OR contact_person_id IN (SELECT contact_person_id FROM gone)
  RETURNING contact_person_id
)
SELECT contact_person_id, count(*)::int AS entries
FROM erased
GROUP BY contact_person_id
ORDER BY contact_person_id
