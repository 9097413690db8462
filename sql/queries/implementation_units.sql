-- The implementation overview per unit: each principle's status (1–5 in order), the
-- counts per status, the areas the unit lies in and its location, both as the caller
-- may see the unit (coarse, 250 m grid, for restricted units when $1, need-to-know, is
-- false: an area boundary between two points of one cell must not tell them apart).
-- statuses: every unit × principle with its status (not_started when never saved)
WITH statuses AS (
  SELECT u.id AS unit_id, p.n AS principle, COALESCE(up.status, 'not_started') AS status
  FROM units u
  CROSS JOIN generate_series(1, 5) AS p(n)
  LEFT JOIN unit_principles up ON up.unit_id = u.id AND up.principle = p.n
)
SELECT u.id, u.name, u.kind, u.status,
       ps_shows_coarse(u.sensitivity, $1::boolean) AS coarse,
       ST_AsGeoJSON(ps_visible_location(u.sensitivity, u.location, $1::boolean)::geometry, 7)::json AS geometry,
       (SELECT json_agg(s.status ORDER BY s.principle) FROM statuses s WHERE s.unit_id = u.id) AS principles,
       (SELECT count(*) FROM statuses s WHERE s.unit_id = u.id AND s.status = 'in_place')::int AS in_place,
       (SELECT count(*) FROM statuses s WHERE s.unit_id = u.id AND s.status = 'in_progress')::int AS in_progress,
       (SELECT count(*) FROM statuses s WHERE s.unit_id = u.id AND s.status = 'not_started')::int AS not_started,
       COALESCE((SELECT json_agg(a.name ORDER BY a.level, a.name) FROM areas a
                 WHERE ST_Intersects(a.geom, ps_visible_location(u.sensitivity, u.location, $1::boolean))), '[]'::json) AS area_names
FROM units u
ORDER BY u.name, u.id
