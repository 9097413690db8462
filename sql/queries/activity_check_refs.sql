-- Checks the references of an activity before it is written.
-- $1 unit id, $2 actor ids (jsonb array), $3 child place ids (jsonb array),
-- $4 responsible actor id (or NULL). Always one row; unit_found = 0 for an unknown unit.
-- unit: the unit with its effective outer radius
WITH unit AS (
  SELECT id, location, r_area FROM units_effective WHERE id = $1::int
),
-- wanted_actors, wanted_places: the ids asked for
wanted_actors AS (
  SELECT DISTINCT x::int AS id FROM jsonb_array_elements_text($2::jsonb) x
),
wanted_places AS (
  SELECT DISTINCT x::int AS id FROM jsonb_array_elements_text($3::jsonb) x
)
SELECT
  (SELECT count(*) FROM unit)::int AS unit_found,
  (SELECT r_area FROM unit)::float8 AS r_area,
  (SELECT COALESCE(jsonb_agg(w.id ORDER BY w.id), '[]'::jsonb)
     FROM wanted_actors w LEFT JOIN actors a ON a.id = w.id WHERE a.id IS NULL) AS missing_actors,
  (SELECT COALESCE(jsonb_agg(w.id ORDER BY w.id), '[]'::jsonb)
     FROM wanted_places w LEFT JOIN child_places cp ON cp.id = w.id WHERE cp.id IS NULL) AS missing_child_places,
  (SELECT COALESCE(jsonb_agg(w.id ORDER BY w.id), '[]'::jsonb)
     FROM wanted_places w JOIN child_places cp ON cp.id = w.id CROSS JOIN unit
     WHERE NOT ST_DWithin(cp.location, unit.location, unit.r_area)) AS child_places_outside,
  (SELECT count(*) FROM actors a WHERE a.id = $4::int)::int AS responsible_found,
  (SELECT count(*) FROM actors a CROSS JOIN unit
     WHERE a.id = $4::int AND ST_DWithin(a.location, unit.location, unit.r_area))::int AS responsible_within
