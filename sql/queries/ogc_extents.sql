-- The spatial extent of each collection (lon/lat), for the OGC API collection documents.
-- Restricted units count with their coarse location so the extent reveals nothing more.
SELECT 'units' AS collection, ST_XMin(e)::float8 AS xmin, ST_YMin(e)::float8 AS ymin, ST_XMax(e)::float8 AS xmax, ST_YMax(e)::float8 AS ymax
FROM (SELECT ST_Extent(ps_visible_location(sensitivity, location, false)::geometry) AS e FROM units) u
UNION ALL
SELECT 'actors', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(location::geometry) AS e FROM actors) a
UNION ALL
SELECT 'child-places', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(location::geometry) AS e FROM child_places) c
UNION ALL
SELECT 'areas', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom::geometry) AS e FROM areas) r
