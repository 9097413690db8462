-- Child places in one map tile as a Mapbox Vector Tile (PostgreSQL: ST_AsMVT).
-- $1 z, $2 x, $3 y, $4 the most features. Same rows as tile_child_places.sql.
WITH
  -- The tile square in Web Mercator, and widened by the buffer in WGS 84 for the index.
  env AS (SELECT ST_TileEnvelope($1::int, $2::int, $3::int) AS m,
                 ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), 4326) AS g),
  -- The features in the buffered tile, in tile coordinates (extent 4096, buffer 64).
  f AS (
    SELECT c.id, c.name, c.kind,
           ST_AsMVTGeom(ST_Transform(c.location::geometry, 3857), env.m, 4096, 64, true) AS geom
    FROM child_places c, env
    WHERE c.location && env.g::geography
      AND ST_Intersects(c.location::geometry, env.g)
    ORDER BY c.id
    LIMIT $4::int
  )
SELECT ST_AsMVT(f.*, 'child_places', 4096, 'geom', 'id') AS mvt FROM f
