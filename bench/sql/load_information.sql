-- Information activities for the benchmark, so the information rules run at scale.
-- Deterministic, derived from the ids: about a third of the (open or planned unit,
-- child place in its outer ring) pairs get an information activity (one per child
-- place, as POST /api/information-needs/mark-informed records them), dated over the
-- 18 months before $1 (the benchmark's clock), so informed, due_soon and overdue all
-- occur beside not_informed. One in seven of those pairs also has an older information
-- 13 months before it (only the latest counts); the pairs of every tenth unit were
-- informed when the unit had one place fewer, so the places change since voids them.
-- Recorded now (created_at), after the child places were registered, as a real
-- register is built: import first, then record what was done.
-- pairs: the needs as sql/queries/information_need_list.sql finds them (exact unit locations)
WITH pairs AS (
  SELECT u.id AS unit_id, u.location, u.places, u.status, cp.id AS child_place_id,
         (u.id::bigint * 2654435761 + cp.id::bigint * 40503) % 1000003 AS h
  FROM units_effective u
  JOIN child_places cp ON ST_DWithin(cp.location, u.location, u.r_area)
  WHERE u.status IN ('open', 'planned')
),
-- dated: the informed third, each with its day (0–547 days before $1) and, for one in
-- seven, an older information 13 months earlier
dated AS (
  SELECT p.*, ($1::timestamptz AT TIME ZONE 'UTC')::date - (p.h % 548)::int AS day
  FROM pairs p
  WHERE p.h % 3 = 0
  UNION ALL
  SELECT p.*, (($1::timestamptz AT TIME ZONE 'UTC')::date - (p.h % 548)::int - interval '13 months')::date
  FROM pairs p
  WHERE p.h % 3 = 0 AND p.h % 7 = 0
),
-- ins: one information activity per dated pair; the note names the child place so the
-- link rows below can find their activity
ins AS (
  INSERT INTO activities (unit_id, kind, activity_date, note, unit_location, unit_places, unit_status, unit_reopen_count, recorded_by_name)
  SELECT d.unit_id, 'information', d.day::date, 'Bänkinformation ' || d.child_place_id,
         d.location, CASE WHEN d.unit_id % 10 = 3 THEN d.places - 1 ELSE d.places END, d.status, 0, 'Benchmark'
  FROM dated d
  RETURNING id, unit_id, note
)
INSERT INTO activity_child_places (activity_id, child_place_id)
SELECT ins.id, substr(ins.note, length('Bänkinformation ') + 1)::int
FROM ins
