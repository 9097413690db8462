-- The information needs' (unit, child place) pairs with both ends as lon/lat, for the
-- rules by walking distance (api/services/walkRules.ts): each open or planned unit
-- centred as the caller may see it (coarse for restricted units without need-to-know,
-- so no walk from it reveals the exact address), each child place inside its outer
-- ring, under the same unit, kind and area filters as information_need_list.sql.
-- $1 need-to-know; $2 unit id or NULL; $3 kinds (comma list or NULL); $4 area id or NULL.
SELECT v.id AS unit_id, ST_X(v.centre::geometry) AS unit_lon, ST_Y(v.centre::geometry) AS unit_lat,
       v.r_immediate, v.r_neighbourhood,
       cp.id AS child_place_id, ST_X(cp.location::geometry) AS lon, ST_Y(cp.location::geometry) AS lat
FROM (SELECT id, ps_visible_location(sensitivity, location, $1::boolean) AS centre, r_immediate, r_neighbourhood, r_area
      FROM units_effective
      WHERE status IN ('open', 'planned') AND ($2::int IS NULL OR id = $2::int)) v
JOIN child_places cp ON ST_DWithin(cp.location, v.centre, v.r_area)
WHERE ($3::text IS NULL OR cp.kind = ANY (string_to_array($3::text, ',')))
  AND ($4::int IS NULL OR EXISTS (SELECT 1 FROM areas ar WHERE ar.id = $4::int AND ST_Covers(ar.geom, cp.location)))
ORDER BY v.id, cp.id
