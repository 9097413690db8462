-- The implementation overview per area (only areas holding at least one unit): the
-- number of units inside and the principle entries per status summed over them.
-- $1 need-to-know: without it, restricted units count in the areas their coarse
-- location lies in (ps_visible_location), as in implementation_units.sql.
-- unit_counts: per unit, how many principles have each status, and where the caller may see it
WITH unit_counts AS (
  SELECT u.id, ps_visible_location(u.sensitivity, u.location, $1::boolean) AS location,
         count(*) FILTER (WHERE up.status = 'in_place')::int AS in_place,
         count(*) FILTER (WHERE up.status = 'in_progress')::int AS in_progress
  FROM units u
  LEFT JOIN unit_principles up ON up.unit_id = u.id
  GROUP BY u.id, u.sensitivity, u.location
)
SELECT a.id AS area_id, a.name, a.level,
       count(*)::int AS units,
       sum(uc.in_place)::int AS in_place,
       sum(uc.in_progress)::int AS in_progress,
       (5 * count(*) - sum(uc.in_place) - sum(uc.in_progress))::int AS not_started
FROM areas a
JOIN unit_counts uc ON ST_Intersects(a.geom, uc.location)
GROUP BY a.id, a.name, a.level
ORDER BY a.level, a.name, a.id
