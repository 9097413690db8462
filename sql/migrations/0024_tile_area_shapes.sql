-- The areas of one map tile as both tile statements draw them: tile_areas_mvt.sql encodes
-- them with ST_AsMVT (PostgreSQL), tile_areas.sql hands them to the API's encoder (the
-- embedded database has no ST_AsMVT), so the two engines draw the same shapes. One row an
-- area that reaches the tile with its 64/4096 buffer, in Web Mercator:
--   * an area reaching past Web Mercator's ±85.05° is cut to that first;
--   * simplified by one tile unit (1/4096 of the tile's side): finer detail would not
--     survive the rounding to whole units, and an area smaller than that collapses and is
--     left out;
--   * cut to the buffered tile, so a large area does not travel whole with every tile, but
--     only a valid outline: cutting an invalid one can turn it inside out (the encoders
--     then cut that one safely).
-- The buffered tile is cut to the world's square: PostGIS 3.3 widens an edge tile past
-- ±180°, which would come back as longitudes on the other side of the world.
--
-- LANGUAGE sql and STABLE so the planner inlines the body into the calling statement and
-- the bounding-box condition reaches the areas' GiST index.
CREATE FUNCTION ps_tile_area_shapes(p_z integer, p_x integer, p_y integer)
RETURNS TABLE (id integer, name text, level text, code text, geom geometry)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
WITH
  env AS (
    SELECT ST_ClipByBox2D(ST_TileEnvelope(p_z, p_x, p_y, margin => 0.015625), ST_TileEnvelope(0, 0, 0)) AS b,
           40075016.685578488 / 2 ^ p_z / 4096 AS unit
  ),
  simplified AS (
    SELECT a.id, a.name, a.level, a.code,
           ST_Simplify(ST_Transform(
             CASE WHEN ST_YMax(a.geom::geometry) <= 85.0511287798066 AND ST_YMin(a.geom::geometry) >= -85.0511287798066 THEN a.geom::geometry
                  ELSE ST_ClipByBox2D(a.geom::geometry, ST_MakeEnvelope(-180, -85.0511287798066, 180, 85.0511287798066, 4326)) END,
             3857), env.unit) AS m, env.b
    FROM areas a, env
    WHERE ST_Intersects(a.geom::geometry, ST_Transform(env.b, 4326))
  )
SELECT s.id, s.name, s.level, s.code, CASE WHEN (ST_IsValidDetail(s.m)).valid THEN ST_ClipByBox2D(s.m, s.b) ELSE s.m END
FROM simplified s
WHERE s.m IS NOT NULL AND NOT ST_IsEmpty(s.m)
$$;
