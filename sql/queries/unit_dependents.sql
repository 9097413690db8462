-- What removing unit $1 takes with it (ON DELETE CASCADE of migration 0005): its
-- activities, of them the information records (kind 'information', which the
-- information needs are judged by) and the follow-ups still open, and its principle
-- entries. Actors, child places and the audit trail are not tied to a unit and stay.
-- One row when the unit exists, none otherwise.
SELECT
  u.version,
  (SELECT count(*)::int FROM activities a WHERE a.unit_id = u.id) AS activities,
  (SELECT count(*)::int FROM activities a WHERE a.unit_id = u.id AND a.kind = 'information') AS information,
  (SELECT count(*)::int FROM activities a WHERE a.unit_id = u.id AND a.follow_up_status IN ('open', 'in_progress')) AS open_follow_ups,
  (SELECT count(*)::int FROM unit_principles p WHERE p.unit_id = u.id) AS principles
FROM units u
WHERE u.id = $1::int
