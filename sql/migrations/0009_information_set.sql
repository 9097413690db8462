-- The information rules of ps_information() in set form, for the queries that need the
-- status of many (unit, child place) pairs at once (the information-needs list, a
-- unit's child places, the CSV export). Called once per pair, ps_information() costs a
-- lookup per pair: about 217,000 of them at national scale (bench/RESULTS.md, W3).
-- This function reads the information activities once, keeps the latest per pair
-- (DISTINCT ON) and judges it exactly as ps_information() does; property tests hold
-- the two to the same answers (api/test/informationSet.property.test.ts).

-- The information status at p_now of every (unit, child place) pair named by at least
-- one information activity of that unit dated on or before p_now. A pair without a row
-- here has no information yet: its status is not_informed with last_informed_at and
-- due_at null, as ps_information() answers. Callers LEFT JOIN their pairs on
-- (unit_id, child_place_id). LANGUAGE sql, STABLE and one SELECT, so the planner
-- inlines it: a condition on unit_id (or child_place_id) in the caller's join reaches
-- the DISTINCT ON below and the scan of activities_unit_idx, so one unit's pairs cost
-- an index scan, not a pass over every information activity. (A parameter "unit or
-- NULL for all" would not: a generic plan of `p IS NULL OR unit_id = p` scans them all.)
CREATE FUNCTION ps_information_set(p_now timestamptz)
RETURNS TABLE (unit_id integer, child_place_id integer, status text, last_informed_at timestamptz, due_at timestamptz)
LANGUAGE sql STABLE AS $$
  -- cfg: validity and due-soon window from settings
  WITH cfg AS (
    SELECT COALESCE((SELECT (value #>> '{}')::int FROM settings WHERE key = 'information_validity_months'), 12) AS months,
           COALESCE((SELECT (value #>> '{}')::int FROM settings WHERE key = 'information_due_soon_days'), 30) AS days
  ),
  -- last_info: per pair, the latest information activity not dated after p_now (same
  -- order as ps_information(): the later day, then the later recorded id)
  last_info AS (
    SELECT DISTINCT ON (a.unit_id, acp.child_place_id)
           a.unit_id, acp.child_place_id, a.activity_date, a.unit_location, a.unit_places, a.unit_reopen_count,
           a.created_at AS recorded_at, (a.activity_date::timestamp AT TIME ZONE 'UTC') AS informed_at
    FROM activities a
    JOIN activity_child_places acp ON acp.activity_id = a.id
    WHERE a.kind = 'information'
      AND (a.activity_date::timestamp AT TIME ZONE 'UTC') <= p_now
    ORDER BY a.unit_id, acp.child_place_id, a.activity_date DESC, a.id DESC
  ),
  -- judged: the reopening causes (move > 50 m, more places, a reopening, a child place
  -- registered after the information) and the expiry of that information
  judged AS (
    SELECT li.unit_id, li.child_place_id, li.informed_at,
           li.informed_at + make_interval(months => cfg.months) AS expires_at,
           cfg.days,
           (ST_Distance(u.location, li.unit_location) > 50
            OR u.places > li.unit_places
            OR COALESCE(r.reopen_count, 0) > li.unit_reopen_count
            OR cp.created_at > GREATEST((li.activity_date + 1)::timestamp AT TIME ZONE 'UTC', li.recorded_at)) AS reopened
    FROM last_info li
    CROSS JOIN cfg
    JOIN units u ON u.id = li.unit_id
    JOIN child_places cp ON cp.id = li.child_place_id
    LEFT JOIN unit_reopenings r ON r.unit_id = li.unit_id
  )
  SELECT j.unit_id, j.child_place_id,
         CASE
           WHEN j.reopened THEN 'not_informed'
           WHEN p_now >= j.expires_at THEN 'overdue'
           WHEN p_now >= j.expires_at - make_interval(days => j.days) THEN 'due_soon'
           ELSE 'informed'
         END::text,
         j.informed_at,
         CASE WHEN j.reopened THEN NULL ELSE j.expires_at END
  FROM judged j
$$;

