-- Every information need at $1: each child place inside the outer ring of each open or
-- planned unit, with distance, ring, priority, its contact and its information status
-- (ps_information_set: the information rules read once for all pairs; a pair without
-- a row there is not informed).
-- $2 need-to-know: without it, a restricted unit is placed at its coarse location
-- (ps_visible_location), so the set of pairs, their order, distances, rings and
-- priorities are those GET /api/units/{id}/child-places gives the same caller, and
-- reveal no more than the unit's 250 m cell. Filters, NULL = any: $3 status, $4 unit
-- id, $5 child place kind.
WITH u AS (
  -- open and planned units, centred as the caller may see them
  SELECT id, name, ps_visible_location(sensitivity, location, $2::boolean) AS centre,
         r_immediate, r_neighbourhood, r_area
  FROM units_effective
  WHERE status IN ('open', 'planned') AND ($4::int IS NULL OR id = $4::int)
), needs AS MATERIALIZED (
  -- the (unit, child place) pairs inside the unit's outer ring, with the distance
  -- (materialized, so the geodesic distance is computed once per pair, not once per use)
  SELECT u.id AS unit_id, u.name AS unit_name,
         u.r_immediate, u.r_neighbourhood,
         cp.id AS child_place_id, cp.name AS child_place_name, cp.kind, cp.stages, cp.address,
         cp.contact_name, cp.contact_role, cp.contact_phone, cp.contact_email,
         ST_Distance(cp.location, u.centre)::float8 AS d
  FROM u
  JOIN child_places cp ON ST_DWithin(cp.location, u.centre, u.r_area)
  WHERE ($5::text IS NULL OR cp.kind = $5::text)
)
SELECT n.unit_id, n.unit_name, n.child_place_id, n.child_place_name, n.kind,
       array_to_string(n.stages, ' ') AS stages, n.address,
       n.contact_name, n.contact_role, n.contact_phone, n.contact_email,
       round(n.d::numeric, 1)::float8 AS distance_m,
       CASE WHEN n.d <= n.r_immediate THEN 'immediate' WHEN n.d <= n.r_neighbourhood THEN 'neighbourhood' ELSE 'area' END AS ring,
       CASE WHEN n.d <= n.r_immediate THEN 'high' WHEN n.d <= n.r_neighbourhood THEN 'medium' ELSE 'low' END AS priority,
       COALESCE(i.status, 'not_informed') AS status, ps_iso(i.last_informed_at) AS last_informed_at, ps_iso(i.due_at) AS due_at
FROM needs n
LEFT JOIN ps_information_set($1::timestamptz) i
  ON i.unit_id = n.unit_id AND i.child_place_id = n.child_place_id AND ($4::int IS NULL OR i.unit_id = $4::int)
WHERE ($3::text IS NULL OR COALESCE(i.status, 'not_informed') = $3::text)
ORDER BY n.unit_name, n.unit_id, n.d, n.child_place_id
