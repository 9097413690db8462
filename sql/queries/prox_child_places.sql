-- The child places inside the outer ring of one unit, nearest first, with ring,
-- priority (by ring) and information status (the set form of the ps_information()
-- rules, ps_information_set, for this unit's pairs).
-- $1 unit id; $2 need-to-know; $3 rings, $4 kinds, $5 priorities, $6 statuses (comma lists or NULL);
-- $7 the time the status is computed for.
WITH u AS (
  -- the unit's centre as the caller may see it, and its radii
  SELECT id, ps_visible_location(sensitivity, location, $2::boolean) AS centre,
         r_immediate, r_neighbourhood, r_area
  FROM units_effective
  WHERE id = $1::int
), near AS MATERIALIZED (
  -- child places within the outer ring (child_places_location_gix); materialized, so
  -- the geodesic distance is computed once per place, not again for the ring and sort
  SELECT cp.*, u.id AS unit_id, ST_Distance(cp.location, u.centre) AS d, u.r_immediate, u.r_neighbourhood
  FROM u
  JOIN child_places cp ON ST_DWithin(cp.location, u.centre, u.r_area)
  WHERE $4::text IS NULL OR cp.kind = ANY (string_to_array($4::text, ','))
), ringed AS (
  -- the innermost ring whose radius is at least the distance
  SELECT n.*, ps_ring(n.d, n.r_immediate, n.r_neighbourhood) AS ring
  FROM near n
), ranked AS (
  -- priority follows the ring; the information status from the unit's information
  -- activities (a place without a row there is not informed); `i.unit_id = $1` is what
  -- limits the set to this unit's activities (activities_unit_idx)
  SELECT n.*, CASE n.ring WHEN 'immediate' THEN 'high' WHEN 'neighbourhood' THEN 'medium' ELSE 'low' END AS priority,
         COALESCE(i.status, 'not_informed') AS info_status, ps_iso(i.last_informed_at) AS last_informed_at, ps_iso(i.due_at) AS due_at
  FROM ringed n
  LEFT JOIN ps_information_set($7::timestamptz) i ON i.unit_id = $1::int AND i.child_place_id = n.id
)
SELECT r.id, r.name, r.kind, to_json(r.stages) AS stages, r.operator, r.address, r.external_id,
       r.contact_name, r.contact_role, r.contact_phone, r.contact_email, r.version,
       round(r.d::numeric, 1)::float8 AS distance_m, r.ring, r.priority,
       r.info_status, r.last_informed_at, r.due_at,
       ST_AsGeoJSON(r.location::geometry, 7)::json AS geometry
FROM ranked r
WHERE ($3::text IS NULL OR r.ring = ANY (string_to_array($3::text, ',')))
  AND ($5::text IS NULL OR r.priority = ANY (string_to_array($5::text, ',')))
  AND ($6::text IS NULL OR r.info_status = ANY (string_to_array($6::text, ',')))
ORDER BY r.d, r.id
