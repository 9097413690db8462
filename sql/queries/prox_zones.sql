-- The three zone polygons of one unit: geodesic buffers of its centre (ST_Buffer on
-- geography buffers in a local projection chosen for the point, so the ring edge is
-- within a fraction of a per cent of the geodesic radius), 16 segments per quarter.
-- $1 unit id; $2 need-to-know (restricted units are centred on their coarse location otherwise).
WITH u AS (
  -- the unit's centre as the caller may see it, and its effective radii
  SELECT ps_visible_location(sensitivity, location, $2::boolean) AS centre,
         r_immediate, r_neighbourhood, r_area
  FROM units_effective
  WHERE id = $1::int
), rings AS (
  -- one row per ring, innermost first
  SELECT 'immediate' AS ring, 1 AS ord, r_immediate AS radius_m, centre FROM u
  UNION ALL SELECT 'neighbourhood', 2, r_neighbourhood, centre FROM u
  UNION ALL SELECT 'area', 3, r_area, centre FROM u
)
SELECT ring, radius_m::float8 AS radius_m,
       ST_AsGeoJSON(ST_Buffer(centre, radius_m, 'quad_segs=16')::geometry, 7)::json AS geometry
FROM rings
ORDER BY ord
