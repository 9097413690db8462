-- Site analysis: the areas the candidate point lies in (a city area and a primary area
-- in Göteborg's data), the larger level first, so the site can be named by where it is.
-- $1 lon, $2 lat.
SELECT a.id, a.name, a.level
FROM areas a
WHERE ST_Intersects(a.geom, ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography)
ORDER BY CASE a.level WHEN 'city_area' THEN 0 WHEN 'primary_area' THEN 1 ELSE 2 END, a.name, a.id
