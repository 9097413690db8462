-- One area's summary for the neighbourhood overview. $1 area id; $2 need-to-know
-- (restricted units are placed at their coarse location otherwise, as everywhere);
-- $3 the time information status is computed for.
WITH a AS (
  -- the area
  SELECT * FROM areas WHERE id = $1::int
), u AS (
  -- units inside the area, placed as the caller may see them
  SELECT un.id, un.status FROM units un, a
  WHERE ST_Covers(a.geom, ps_visible_location(un.sensitivity, un.location, $2::boolean))
), cp AS (
  -- child places inside the area
  SELECT c.id, c.kind, c.location FROM child_places c, a WHERE ST_Covers(a.geom, c.location)
), ac AS (
  -- actors inside the area
  SELECT x.category FROM actors x, a WHERE ST_Covers(a.geom, x.location)
), needs AS (
  -- information needs of the area's child places: pairs with every open or planned unit
  -- whose outer ring, around the unit as the caller may see it, reaches them, and their
  -- status from ps_information()
  SELECT i.status FROM cp
  JOIN units_effective ue ON ue.status IN ('open', 'planned')
   AND ST_DWithin(cp.location, ps_visible_location(ue.sensitivity, ue.location, $2::boolean), ue.r_area)
  CROSS JOIN LATERAL ps_information(ue.id, cp.id, $3::timestamptz) i
)
SELECT a.id, a.name, a.level, a.code, a.parent_name,
       (SELECT count(*) FROM u)::int AS units,
       (SELECT count(*) FROM u WHERE status = 'open')::int AS units_open,
       (SELECT count(*) FROM ac)::int AS actors,
       (SELECT coalesce(json_object_agg(category, n), '{}'::json) FROM (SELECT category, count(*)::int AS n FROM ac GROUP BY category) s) AS actors_by_category,
       (SELECT count(*) FROM cp)::int AS child_places,
       (SELECT coalesce(json_object_agg(kind, n), '{}'::json) FROM (SELECT kind, count(*)::int AS n FROM cp GROUP BY kind) s) AS child_places_by_kind,
       (SELECT count(*) FROM needs)::int AS information_needs,
       (SELECT count(*) FROM needs WHERE status <> 'informed')::int AS open_information_needs,
       (SELECT coalesce(json_object_agg(status, n), '{}'::json) FROM (SELECT status, count(*)::int AS n FROM needs GROUP BY status) s) AS information_needs_by_status,
       round((ST_Area(a.geom) / 1e6)::numeric, 2)::float8 AS area_km2
FROM a
