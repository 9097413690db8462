-- The actors and child places within a distance of a candidate site, with their
-- category or kind and position, for counting them by walking band.
-- $1 lon; $2 lat; $3 radius in metres (the outer ring).
WITH site AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography AS p)
SELECT 'actor' AS what, a.category AS code, ST_X(a.location::geometry) AS lon, ST_Y(a.location::geometry) AS lat
FROM site JOIN actors a ON ST_DWithin(a.location, site.p, $3::float8)
UNION ALL
SELECT 'child_place', cp.kind, ST_X(cp.location::geometry), ST_Y(cp.location::geometry)
FROM site JOIN child_places cp ON ST_DWithin(cp.location, site.p, $3::float8)
