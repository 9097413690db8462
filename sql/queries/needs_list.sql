-- Every information need: each (open or planned unit, child place inside its outer
-- ring) pair, in one spatial join, with ring, priority and information status.
-- $1 need-to-know; $2 unit id or NULL; $3 kinds, $4 priorities, $5 statuses (comma lists or NULL);
-- $6 area id or NULL; $7 the time the status is computed for.
WITH u AS (
  -- open and planned units, centred as the caller may see them
  SELECT id, name, CASE WHEN sensitivity = 'restricted' AND NOT $1::boolean
                        THEN ps_coarse_location(location)::geography ELSE location END AS centre,
         r_immediate, r_neighbourhood, r_area
  FROM units_effective
  WHERE status IN ('open', 'planned') AND ($2::int IS NULL OR id = $2::int)
), pairs AS (
  -- the spatial join: child places within each unit's outer ring (child_places_location_gix)
  SELECT cp.*, u.id AS unit_id, u.name AS unit_name, ST_Distance(cp.location, u.centre) AS d,
         CASE WHEN ST_Distance(cp.location, u.centre) <= u.r_immediate THEN 'immediate'
              WHEN ST_Distance(cp.location, u.centre) <= u.r_neighbourhood THEN 'neighbourhood'
              ELSE 'area' END AS ring
  FROM u
  JOIN child_places cp ON ST_DWithin(cp.location, u.centre, u.r_area)
  WHERE ($3::text IS NULL OR cp.kind = ANY (string_to_array($3::text, ',')))
    AND ($6::int IS NULL OR EXISTS (SELECT 1 FROM areas ar WHERE ar.id = $6::int AND ST_Covers(ar.geom, cp.location)))
), ranked AS (
  -- priority by ring; status from the ps_information() contract
  SELECT p.*, CASE p.ring WHEN 'immediate' THEN 'high' WHEN 'neighbourhood' THEN 'medium' ELSE 'low' END AS priority,
         i.status AS info_status, ps_iso(i.last_informed_at) AS last_informed_at, ps_iso(i.due_at) AS due_at
  FROM pairs p
  CROSS JOIN LATERAL ps_information(p.unit_id, p.id, $7::timestamptz) i
)
SELECT r.unit_id, r.unit_name, r.id, r.name, r.kind, to_json(r.stages) AS stages, r.operator, r.address, r.external_id,
       r.contact_name, r.contact_role, r.contact_phone, r.contact_email, r.version,
       round(r.d::numeric, 1)::float8 AS distance_m, r.ring, r.priority,
       r.info_status, r.last_informed_at, r.due_at,
       ST_AsGeoJSON(r.location::geometry, 7)::json AS geometry
FROM ranked r
WHERE ($4::text IS NULL OR r.priority = ANY (string_to_array($4::text, ',')))
  AND ($5::text IS NULL OR r.info_status = ANY (string_to_array($5::text, ',')))
ORDER BY array_position(ARRAY['high', 'medium', 'low'], r.priority),
         array_position(ARRAY['overdue', 'not_informed', 'due_soon', 'informed'], r.info_status),
         r.d, r.unit_id, r.id
