-- Actors in one map tile as a Mapbox Vector Tile (PostgreSQL: ST_AsMVT).
-- $1 z, $2 x, $3 y, $4 the most features. Same rows as tile_actors.sql.
WITH
  -- The tile square in Web Mercator, and widened by the buffer in WGS 84 for the index.
  env AS (SELECT ST_TileEnvelope($1::int, $2::int, $3::int) AS m,
                 ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), 4326) AS g),
  -- The features in the buffered tile, in tile coordinates (extent 4096, buffer 64).
  f AS (
    SELECT a.id, a.name, a.category,
           ST_AsMVTGeom(ST_Transform(a.location::geometry, 3857), env.m, 4096, 64, true) AS geom
    FROM actors a, env
    WHERE a.location && env.g::geography
      AND ST_Intersects(a.location::geometry, env.g)
    ORDER BY a.id
    LIMIT $4::int
  )
SELECT ST_AsMVT(f.*, 'actors', 4096, 'geom', 'id') AS mvt FROM f
