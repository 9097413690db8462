-- Areas in one map tile as a Mapbox Vector Tile (PostgreSQL: ST_AsMVT). $1 z, $2 x,
-- $3 y, $4 the most features. Same areas, simplified and cut alike, as tile_areas.sql.
WITH
  -- The tile square in Web Mercator, widened by the buffer in WGS 84 and in Web Mercator
  -- (cut to the world's square, as in tile_areas.sql), and one tile unit (1/4096 of the
  -- tile's side) in Web Mercator metres.
  env AS (SELECT ST_TileEnvelope($1::int, $2::int, $3::int) AS m,
                 ST_Transform(ST_ClipByBox2D(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS g,
                 ST_ClipByBox2D(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), ST_TileEnvelope(0, 0, 0)) AS b,
                 40075016.685578488 / 2 ^ $1::int / 4096 AS unit),
  s AS (
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
  ),
  -- Cut to the buffered tile first, as tile_areas.sql does (only a valid outline: cutting
  -- an invalid one can turn it inside out), then in tile coordinates (extent 4096,
  -- buffer 64), cut again where needed and made valid by ST_AsMVTGeom.
  f AS (
    SELECT s.id, s.name, s.level, s.code,
           ST_AsMVTGeom(CASE WHEN (ST_IsValidDetail(s.m)).valid THEN ST_ClipByBox2D(s.m, s.b) ELSE s.m END, env.m, 4096, 64, true) AS geom
    FROM s, env
    WHERE s.m IS NOT NULL AND NOT ST_IsEmpty(s.m)
    ORDER BY s.id
    LIMIT $4::int
  )
SELECT ST_AsMVT(f.*, 'areas', 4096, 'geom', 'id') AS mvt FROM f
