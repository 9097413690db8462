-- Site analysis: actors by category and child places by kind within each ring of a
-- candidate point, counted per annulus (ring membership as for a unit's contacts).
-- $1 lon, $2 lat, $3 immediate, $4 neighbourhood, $5 area radius (metres).
WITH p AS (
  -- the candidate point
  SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography AS g
), near AS (
  -- actors and child places within the outer ring (their geography GiST indexes)
  SELECT 'actor' AS what, a.category AS code, ST_Distance(a.location, p.g) AS d
  FROM p JOIN actors a ON ST_DWithin(a.location, p.g, $5::float8)
  UNION ALL
  SELECT 'child_place', cp.kind, ST_Distance(cp.location, p.g)
  FROM p JOIN child_places cp ON ST_DWithin(cp.location, p.g, $5::float8)
)
SELECT what, code,
       ps_ring(d, $3::float8, $4::float8) AS ring,
       count(*)::int AS n
FROM near
GROUP BY 1, 2, 3
