-- A page of the information needs (each open or planned unit with each child place
-- inside its outer ring, with ring, priority and information status), the number of
-- needs matching the filters, and those counted by status and by priority. The spatial
-- join and the information rules (ps_information_set) each run once, set-based.
-- $1 need-to-know; $2 unit id or NULL; $3 kinds, $4 priorities, $5 statuses (comma lists or NULL);
-- $6 area id or NULL; $7 the time the status is computed for; $8 limit; $9 offset.
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
), ringed AS (
  -- the pairs inside the outer ring; ring by distance, priority by ring
  SELECT p.unit_id, p.child_place_id, p.d, r.ring,
         CASE r.ring WHEN 'immediate' THEN 'high' WHEN 'neighbourhood' THEN 'medium' ELSE 'low' END AS priority
  FROM pairs p
  CROSS JOIN LATERAL (SELECT CASE WHEN p.d <= p.r_immediate THEN 'immediate'
                                  WHEN p.d <= p.r_neighbourhood THEN 'neighbourhood'
                                  ELSE 'area' END AS ring) r
  WHERE p.d <= p.r_area
), matched AS (
  -- the information status of each pair (no row in the set: not informed; the unit
  -- filter repeated on the set so one unit reads only its activities), then the
  -- priority and status filters
  SELECT g.*, COALESCE(i.status, 'not_informed') AS info_status, i.last_informed_at, i.due_at
  FROM ringed g
  LEFT JOIN ps_information_set($7::timestamptz) i
    ON i.unit_id = g.unit_id AND i.child_place_id = g.child_place_id AND ($2::int IS NULL OR i.unit_id = $2::int)
  WHERE ($4::text IS NULL OR g.priority = ANY (string_to_array($4::text, ',')))
    AND ($5::text IS NULL OR COALESCE(i.status, 'not_informed') = ANY (string_to_array($5::text, ',')))
), page AS (
  -- the requested page: priority (high first), status (overdue first), distance
  SELECT m.*,
         array_position(ARRAY['high', 'medium', 'low'], m.priority) AS p_rank,
         array_position(ARRAY['overdue', 'not_informed', 'due_soon', 'informed'], m.info_status) AS s_rank
  FROM matched m
  ORDER BY p_rank, s_rank, m.d, m.unit_id, m.child_place_id
  LIMIT $8::int OFFSET $9::int
), counts AS (
  -- every matched need counted, by status and by priority
  SELECT count(*)::int AS n,
         json_build_object(
           'overdue', count(*) FILTER (WHERE info_status = 'overdue'),
           'not_informed', count(*) FILTER (WHERE info_status = 'not_informed'),
           'due_soon', count(*) FILTER (WHERE info_status = 'due_soon'),
           'informed', count(*) FILTER (WHERE info_status = 'informed')) AS by_status,
         json_build_object(
           'high', count(*) FILTER (WHERE priority = 'high'),
           'medium', count(*) FILTER (WHERE priority = 'medium'),
           'low', count(*) FILTER (WHERE priority = 'low')) AS by_priority
  FROM matched
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
                    'version', cp.version, 'distance_m', round(pg.d::numeric, 1)::float8, 'ring', pg.ring, 'priority', pg.priority,
                    'information', json_build_object('status', pg.info_status, 'last_informed_at', ps_iso(pg.last_informed_at), 'due_at', ps_iso(pg.due_at))))
                ORDER BY pg.p_rank, pg.s_rank, pg.d, pg.unit_id, pg.child_place_id)
         FROM page pg
         JOIN child_places cp ON cp.id = pg.child_place_id
         JOIN units un ON un.id = pg.unit_id
       ), '[]'::json) AS features
FROM counts c
