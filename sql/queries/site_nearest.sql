-- Site analysis: the nearest school, preschool and playground anywhere. The KNN
-- operator `<->` walks child_places_location_gix (sphere distance); the five closest
-- candidates are then ranked by the exact spheroid distance.
-- $1 lon, $2 lat.
WITH p AS (
  -- the candidate point
  SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography AS g
), kinds AS (
  -- the kinds asked for
  SELECT unnest(ARRAY['school', 'preschool', 'playground']) AS kind
)
SELECT k.kind, best.id, best.name, round(best.d::numeric, 1)::float8 AS distance_m
FROM kinds k
CROSS JOIN p
LEFT JOIN LATERAL (
  -- index-assisted nearest candidates of this kind, then the exact distance
  SELECT c.id, c.name, ST_Distance(c.location, p.g) AS d
  FROM (SELECT cp.id, cp.name, cp.location FROM child_places cp
        WHERE cp.kind = k.kind ORDER BY cp.location <-> p.g LIMIT 5) c
  ORDER BY ST_Distance(c.location, p.g), c.id
  LIMIT 1
) best ON true
