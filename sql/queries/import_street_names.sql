-- The nearest named street or path to each point of $1 (a JSON array of {"i","lon","lat"}), within
-- $2 metres, for naming places an OpenStreetMap file imports without a name ("Lekplats vid
-- Smörkärnegatan"). Points with no named way that near are left out. Empty base data: no rows.
WITH points AS (
  -- The places to name, as geometry for the index and geography for the distance in metres.
  SELECT (e->>'i')::int AS i, ST_SetSRID(ST_MakePoint((e->>'lon')::float8, (e->>'lat')::float8), 4326) AS g
  FROM json_array_elements($1::json) AS e
)
SELECT p.i, s.name AS street
FROM points p
CROSS JOIN LATERAL (
  -- Candidates from the GiST index by a box of about 2 × $2 metres (a degree of latitude is
  -- 111 km; longitude shrinks by cos(latitude), so the box is widened by it), then exact.
  SELECT w.name
  FROM base_ways w
  WHERE w.kind = 'highway' AND w.name IS NOT NULL AND w.name <> ''
    AND w.geom && ST_Expand(p.g, $2::float8 / 111000 / greatest(cos(radians(ST_Y(p.g))), 0.1))
    AND ST_DWithin(w.geom::geography, p.g::geography, $2::float8)
  ORDER BY ST_Distance(w.geom::geography, p.g::geography), w.osm_id
  LIMIT 1
) AS s
