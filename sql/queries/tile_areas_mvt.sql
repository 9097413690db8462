-- Areas in one map tile as a Mapbox Vector Tile (PostgreSQL: ST_AsMVT). $1 z, $2 x,
-- $3 y, $4 the most features. The shapes of ps_tile_area_shapes (migration 0024), as
-- tile_areas.sql hands them to the API's encoder, in tile coordinates (extent 4096,
-- buffer 64), cut again where needed and made valid by ST_AsMVTGeom.
WITH f AS (
  SELECT s.id, s.name, s.level, s.code, ST_AsMVTGeom(s.geom, ST_TileEnvelope($1::int, $2::int, $3::int), 4096, 64, true) AS geom
  FROM ps_tile_area_shapes($1::int, $2::int, $3::int) s
  ORDER BY s.id
  LIMIT $4::int
)
SELECT ST_AsMVT(f.*, 'areas', 4096, 'geom', 'id') AS mvt FROM f
