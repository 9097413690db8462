-- The information rules are stated once, in the settings table: how long an information
-- is valid, how long before expiry it is due soon, and how far a unit may move before
-- its needs reopen. ps_information() and ps_information_set() used to repeat the first
-- two as fallback literals and the third as a bare 50; they now read all three through
-- ps_information_rules(), which refuses to guess when a setting is missing.

INSERT INTO settings (key, value) VALUES ('information_reopen_move_m', '50')
ON CONFLICT (key) DO NOTHING;

-- The three rules, from settings. PL/pgSQL so that a missing or non-numeric setting is
-- an error naming the key rather than a silent NULL (which would make every
-- information look valid forever). Called once per query (the callers CROSS JOIN it).
CREATE FUNCTION ps_information_rules()
RETURNS TABLE (months integer, days integer, move_m double precision)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  k text;
  v jsonb;
BEGIN
  FOREACH k IN ARRAY ARRAY['information_validity_months', 'information_due_soon_days', 'information_reopen_move_m'] LOOP
    SELECT s.value INTO v FROM settings s WHERE s.key = k;
    IF v IS NULL OR jsonb_typeof(v) <> 'number' THEN
      RAISE EXCEPTION 'setting % is missing or not a number', k;
    END IF;
  END LOOP;
  RETURN QUERY
    SELECT (SELECT (s.value #>> '{}')::integer FROM settings s WHERE s.key = 'information_validity_months'),
           (SELECT (s.value #>> '{}')::integer FROM settings s WHERE s.key = 'information_due_soon_days'),
           (SELECT (s.value #>> '{}')::double precision FROM settings s WHERE s.key = 'information_reopen_move_m');
END
$$;

-- The information status of one (unit, child place) pair at p_now: see 0005_outreach.sql
-- for the rules; unchanged except that they come from ps_information_rules().
CREATE OR REPLACE FUNCTION ps_information(p_unit_id integer, p_child_place_id integer, p_now timestamptz)
RETURNS TABLE (status text, last_informed_at timestamptz, due_at timestamptz)
LANGUAGE sql STABLE AS $$
  -- cfg: validity, due-soon window and reopening move from settings
  WITH cfg AS (SELECT * FROM ps_information_rules()),
  -- last_info: the latest information activity for the pair, not dated after p_now
  last_info AS (
    SELECT a.activity_date, a.unit_location, a.unit_places, a.unit_reopen_count, a.created_at AS recorded_at,
           (a.activity_date::timestamp AT TIME ZONE 'UTC') AS informed_at
    FROM activities a
    JOIN activity_child_places acp ON acp.activity_id = a.id AND acp.child_place_id = p_child_place_id
    WHERE a.unit_id = p_unit_id AND a.kind = 'information'
      AND (a.activity_date::timestamp AT TIME ZONE 'UTC') <= p_now
    ORDER BY a.activity_date DESC, a.id DESC
    LIMIT 1
  ),
  -- judged: the reopening causes and the expiry of that information
  judged AS (
    SELECT li.informed_at,
           li.informed_at + make_interval(months => cfg.months) AS expires_at,
           cfg.days,
           (ST_Distance(u.location, li.unit_location) > cfg.move_m
            OR u.places > li.unit_places
            OR COALESCE(r.reopen_count, 0) > li.unit_reopen_count
            OR cp.created_at > GREATEST((li.activity_date + 1)::timestamp AT TIME ZONE 'UTC', li.recorded_at)) AS reopened
    FROM last_info li
    CROSS JOIN cfg
    JOIN units u ON u.id = p_unit_id
    JOIN child_places cp ON cp.id = p_child_place_id
    LEFT JOIN unit_reopenings r ON r.unit_id = p_unit_id
  )
  SELECT CASE
           WHEN j.informed_at IS NULL OR j.reopened THEN 'not_informed'
           WHEN p_now >= j.expires_at THEN 'overdue'
           WHEN p_now >= j.expires_at - make_interval(days => j.days) THEN 'due_soon'
           ELSE 'informed'
         END::text,
         j.informed_at,
         CASE WHEN j.reopened THEN NULL ELSE j.expires_at END
  FROM (SELECT 1) one
  LEFT JOIN judged j ON true
$$;

-- The same rules in set form: see 0009_information_set.sql; unchanged except that they
-- come from ps_information_rules().
CREATE OR REPLACE FUNCTION ps_information_set(p_now timestamptz)
RETURNS TABLE (unit_id integer, child_place_id integer, status text, last_informed_at timestamptz, due_at timestamptz)
LANGUAGE sql STABLE AS $$
  -- cfg: validity, due-soon window and reopening move from settings
  WITH cfg AS (SELECT * FROM ps_information_rules()),
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
  -- judged: the reopening causes (a move beyond the setting, more places, a reopening,
  -- a child place registered after the information) and the expiry of that information
  judged AS (
    SELECT li.unit_id, li.child_place_id, li.informed_at,
           li.informed_at + make_interval(months => cfg.months) AS expires_at,
           cfg.days,
           (ST_Distance(u.location, li.unit_location) > cfg.move_m
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
