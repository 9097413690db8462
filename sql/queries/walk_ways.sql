-- The highway ways of the base data, for building the walking network in memory
-- (api/walking/access.ts decides which are walkable; motorways are left out here
-- already, as they never are). node_ids as float8: OSM ids are below 2^53.
SELECT class AS highway, tags, node_ids::float8[] AS node_ids,
       ST_AsGeoJSON(geom)::json -> 'coordinates' AS coords
FROM base_ways
WHERE kind = 'highway' AND class NOT IN ('motorway', 'motorway_link')
