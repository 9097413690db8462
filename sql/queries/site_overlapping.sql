-- Site analysis: the open and planned units whose outer ring intersects the
-- candidate's outer ring (distance < unit's outer radius + candidate's outer radius).
-- $1 lon, $2 lat, $3 candidate's outer radius; $4 need-to-know (restricted units are
-- measured from their coarse location otherwise).
WITH p AS (
  -- the candidate point
  SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography AS g
), cand AS (
  -- units near enough to possibly overlap: the largest allowed radius (5000 m) plus a
  -- margin for coarse locations bounds the index search (units_location_gix)
  SELECT u.id, u.name, u.r_area, (u.sensitivity = 'restricted') AS restricted,
         ps_visible_location(u.sensitivity, u.location, $4::boolean) AS centre
  FROM p JOIN units_effective u ON ST_DWithin(u.location, p.g, 5500 + $3::float8)
  WHERE u.status IN ('open', 'planned')
)
SELECT c.id, c.name, round(ST_Distance(c.centre, p.g)::numeric, 1)::float8 AS distance_m, c.restricted
FROM cand c CROSS JOIN p
WHERE ST_Distance(c.centre, p.g) < c.r_area + $3::float8
ORDER BY ST_Distance(c.centre, p.g), c.id
