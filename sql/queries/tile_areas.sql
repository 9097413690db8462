-- Areas in one map tile, as rows for the embedded database (no protobuf there): each
-- area that reaches the tile with its buffer, simplified and cut as tile_areas_mvt.sql
-- does, as GeoJSON in WGS 84 for the API to cut to the tile and encode.
-- $1 z, $2 x, $3 y, $4 the most features.
WITH
  -- The tile's Web Mercator square widened by the 64/4096 buffer, in WGS 84 and in Web
  -- Mercator (cut to the world's square: older PostGIS (3.3) widens an edge tile past
  -- ±180°, which would come back as longitudes on the other side of the world), and one
  -- tile unit (1/4096 of the tile's side) in Web Mercator metres.
  env AS (SELECT ST_Transform(ST_ClipByBox2D(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS g,
                 ST_ClipByBox2D(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), ST_TileEnvelope(0, 0, 0)) AS b,
                 40075016.685578488 / 2 ^ $1::int / 4096 AS unit),
  f AS (
    -- In Web Mercator (only an area reaching past its ±85.05° is cut to that first),
    -- simplified by one tile unit: finer detail would not survive the rounding to whole
    -- units, and an area smaller than that collapses and is left out.
    SELECT a.id, a.name, a.level, a.code,
           ST_Simplify(ST_Transform(
             CASE WHEN ST_YMax(a.geom::geometry) <= 85.0511287798066 AND ST_YMin(a.geom::geometry) >= -85.0511287798066 THEN a.geom::geometry
                  ELSE ST_ClipByBox2D(a.geom::geometry, ST_MakeEnvelope(-180, -85.0511287798066, 180, 85.0511287798066, 4326)) END,
             3857), env.unit) AS m, env.b
    FROM areas a, env
    WHERE ST_Intersects(a.geom::geometry, env.g)
  )
-- Cut to the buffered tile, so that a large area does not travel whole with every tile;
-- only a valid outline, since cutting an invalid one can turn it inside out (geojson-vt
-- then cuts that one safely).
SELECT f.id, f.name, f.level, f.code,
       ST_AsGeoJSON(ST_Transform(CASE WHEN (ST_IsValidDetail(f.m)).valid THEN ST_ClipByBox2D(f.m, f.b) ELSE f.m END, 4326), 9)::json AS geometry
FROM f
WHERE f.m IS NOT NULL AND NOT ST_IsEmpty(f.m)
ORDER BY f.id
LIMIT $4::int
