-- A page of the information needs (each open or planned unit with each child place
-- inside its outer ring, with ring, priority and information status) in the order asked
-- for, the number of needs matching the filters, and the counts by status and by
-- priority that a filter's choices show. The spatial join and the information rules
-- (ps_information_set) each run once, set-based.
-- $1 need-to-know; $2 unit id or NULL; $3 kinds, $4 priorities, $5 statuses (comma lists or NULL);
-- $6 area id or NULL; $7 the time the status is computed for; $8 limit (NULL: every need, for
-- the export); $9 offset; $10 sort key (urgency, name, unit, distance, priority, status, due;
-- checked against that list by the caller); $11 true for descending; $12 with the
-- information distance by walking, the rings judged on the walking network as a JSON
-- array of {unit_id, child_place_id, ring, walk_m} (api/services/walkRules.ts), NULL by the
-- straight line (a pair left out of the array keeps its straight ring).
WITH u AS (
  -- open and planned units, centred as the caller may see them
  SELECT id, ps_visible_location(sensitivity, location, $1::boolean) AS centre,
         r_immediate, r_neighbourhood, r_area
  FROM units_effective
  WHERE status IN ('open', 'planned') AND ($2::int IS NULL OR id = $2::int)
), pairs AS MATERIALIZED (
  -- the spatial join: candidates from child_places_location_gix within 1 % beyond the
  -- outer ring on the sphere (cheap), then the spheroid distance once per candidate; the
  -- ring test on it follows in `ringed`. On WGS 84 a spheroid distance is at most 0.6 %
  -- shorter than the sphere's, so no place within the ring is missed, and the spheroid
  -- is computed once instead of twice (ST_DWithin and ST_Distance) for 200,000 pairs.
  -- Kept narrow (ids and distance) until the page is chosen; MATERIALIZED so `d` is not
  -- computed again wherever it is used.
  SELECT u.id AS unit_id, cp.id AS child_place_id, ST_Distance(cp.location, u.centre) AS d, u.r_immediate, u.r_neighbourhood, u.r_area
  FROM u
  JOIN child_places cp ON ST_DWithin(cp.location, u.centre, u.r_area * 1.01, false)
  WHERE ($3::text IS NULL OR cp.kind = ANY (string_to_array($3::text, ',')))
    AND ($6::int IS NULL OR EXISTS (SELECT 1 FROM areas ar WHERE ar.id = $6::int AND ST_Covers(ar.geom, cp.location)))
), walked AS (
  -- the rings by walking distance, when the service judged them (none otherwise)
  SELECT * FROM jsonb_to_recordset($12::jsonb) AS w(unit_id int, child_place_id int, ring text, walk_m float8)
), ringed AS (
  -- the pairs inside the outer ring; ring by walk where judged, by distance otherwise;
  -- priority by ring
  SELECT p.unit_id, p.child_place_id, p.d, r.ring, w.walk_m,
         CASE r.ring WHEN 'immediate' THEN 'high' WHEN 'neighbourhood' THEN 'medium' ELSE 'low' END AS priority
  FROM pairs p
  LEFT JOIN walked w ON w.unit_id = p.unit_id AND w.child_place_id = p.child_place_id
  CROSS JOIN LATERAL (SELECT COALESCE(w.ring, ps_ring(p.d, p.r_immediate, p.r_neighbourhood)) AS ring) r
  WHERE p.d <= p.r_area
), statused AS (
  -- the information status of each pair (no row in the set: not informed; the unit
  -- filter repeated on the set so one unit reads only its activities), and whether the
  -- pair passes the priority filter and the status filter, each on its own
  SELECT g.*, s.info_status, i.last_informed_at, i.due_at,
         ($4::text IS NULL OR g.priority = ANY (string_to_array($4::text, ','))) AS p_ok,
         ($5::text IS NULL OR s.info_status = ANY (string_to_array($5::text, ','))) AS s_ok
  FROM ringed g
  LEFT JOIN ps_information_set($7::timestamptz) i
    ON i.unit_id = g.unit_id AND i.child_place_id = g.child_place_id AND ($2::int IS NULL OR i.unit_id = $2::int)
  CROSS JOIN LATERAL (SELECT COALESCE(i.status, 'not_informed') AS info_status) s
), ranked AS (
  -- the matching needs with their sort keys: the status rank (what needs doing first:
  -- overdue, not informed, due soon, informed), the priority rank (high first), the
  -- distance as shown (0.1 m, so equal distances shown tie), and the key asked for;
  -- names are read by id only when sorting by them
  SELECT m.*, k.s_rank, k.p_rank, round(m.d::numeric, 1)::float8 AS d_shown,
         CASE $10::text
           WHEN 'name' THEN (SELECT lower(c.name) FROM child_places c WHERE c.id = m.child_place_id)
           WHEN 'unit' THEN (SELECT lower(n.name) FROM units n WHERE n.id = m.unit_id)
         END AS k_text,
         CASE $10::text
           WHEN 'urgency' THEN k.s_rank::float8
           WHEN 'status' THEN k.s_rank::float8
           WHEN 'priority' THEN k.p_rank::float8
           WHEN 'distance' THEN round(m.d::numeric, 1)::float8
           WHEN 'due' THEN extract(epoch FROM m.due_at)::float8
         END AS k_num
  FROM statused m
  CROSS JOIN LATERAL (SELECT array_position(ARRAY['overdue', 'not_informed', 'due_soon', 'informed'], m.info_status) AS s_rank,
                             array_position(ARRAY['high', 'medium', 'low'], m.priority) AS p_rank) k
  WHERE m.p_ok AND m.s_ok
), page AS (
  -- the requested page: the key asked for (ascending or descending; a need without a due
  -- date last either way), then status, priority, distance, unit and child place id
  SELECT r.*, row_number() OVER (
           ORDER BY CASE WHEN $11::boolean THEN NULL ELSE r.k_text END ASC,
                    CASE WHEN $11::boolean THEN r.k_text END DESC,
                    CASE WHEN $11::boolean THEN NULL ELSE r.k_num END ASC NULLS LAST,
                    CASE WHEN $11::boolean THEN r.k_num END DESC NULLS LAST,
                    r.s_rank, r.p_rank, r.d_shown, r.unit_id, r.child_place_id) AS rn
  FROM ranked r
  ORDER BY rn
  LIMIT $8::int OFFSET $9::int
), counts AS (
  -- the matching needs counted; by status over the needs that pass every filter but the
  -- status filter, by priority over those that pass every filter but the priority filter,
  -- so each filter's choices show how many needs they would add
  SELECT count(*) FILTER (WHERE p_ok AND s_ok)::int AS n,
         json_build_object(
           'overdue', count(*) FILTER (WHERE p_ok AND info_status = 'overdue'),
           'not_informed', count(*) FILTER (WHERE p_ok AND info_status = 'not_informed'),
           'due_soon', count(*) FILTER (WHERE p_ok AND info_status = 'due_soon'),
           'informed', count(*) FILTER (WHERE p_ok AND info_status = 'informed')) AS by_status,
         json_build_object(
           'high', count(*) FILTER (WHERE s_ok AND priority = 'high'),
           'medium', count(*) FILTER (WHERE s_ok AND priority = 'medium'),
           'low', count(*) FILTER (WHERE s_ok AND priority = 'low')) AS by_priority
  FROM statused
)
SELECT c.n AS number_matched, c.by_status, c.by_priority,
       coalesce((
         SELECT json_agg(json_build_object(
                  'type', 'Feature',
                  'id', pg.unit_id || ':' || pg.child_place_id,
                  'geometry', ST_AsGeoJSON(cp.location::geometry, 7)::json,
                  'properties', json_build_object(
                    'unit_id', pg.unit_id, 'unit_name', un.name, 'child_place_id', cp.id,
                    'name', cp.name, 'kind', cp.kind, 'stages', to_json(cp.stages), 'operator', cp.operator,
                    'address', cp.address, 'external_id', cp.external_id, 'contact_name', cp.contact_name,
                    'contact_role', cp.contact_role, 'contact_phone', cp.contact_phone, 'contact_email', cp.contact_email,
                    'version', cp.version, 'distance_m', pg.d_shown, 'walk_m', pg.walk_m, 'ring', pg.ring, 'priority', pg.priority,
                    'information', json_build_object('status', pg.info_status, 'last_informed_at', ps_iso(pg.last_informed_at), 'due_at', ps_iso(pg.due_at))))
                ORDER BY pg.rn)
         FROM page pg
         JOIN child_places cp ON cp.id = pg.child_place_id
         JOIN units un ON un.id = pg.unit_id
       ), '[]'::json) AS features
FROM counts c
