-- Site analysis: the nearest street address (OpenStreetMap base data) to the candidate
-- point within $3 metres, to name the site by; no row when none is that near.
-- The GiST index answers the nearest few in degree order, then the geodesic distance
-- decides. $1 lon, $2 lat, $3 the farthest distance in metres.
WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) AS g),
near AS (
  SELECT a.street, a.housenumber, a.postcode, a.city, a.osm_type, a.osm_id,
         ST_Distance(a.geom::geography, p.g::geography)::float8 AS distance_m
  FROM base_addresses a, p
  ORDER BY a.geom <-> p.g
  LIMIT 8
)
SELECT street, housenumber, postcode, city, distance_m
FROM near
WHERE distance_m <= $3::float8
ORDER BY distance_m, street, housenumber NULLS LAST, osm_type, osm_id
LIMIT 1
