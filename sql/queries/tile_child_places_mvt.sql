-- Child places in one map tile as a Mapbox Vector Tile (PostgreSQL: ST_AsMVT).
-- $1 z, $2 x, $3 y, $4 the most features. Same rows as tile_child_places.sql.
WITH
  -- The tile square in Web Mercator, and widened by the buffer in WGS 84 for the index
  -- (cut to the world's square: older PostGIS (3.3) widens an edge tile past ±180°, which
  -- would come back as longitudes on the other side of the world).
  env AS (SELECT ST_TileEnvelope($1::int, $2::int, $3::int) AS m,
                 ST_Transform(ST_ClipByBox2D(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS g),
  -- The features in the buffered tile, in tile coordinates (extent 4096, buffer 64).
  f AS (
    SELECT c.id, c.name, c.kind,
           ST_AsMVTGeom(ST_Transform(c.location::geometry, 3857), env.m, 4096, 64, true) AS geom
    FROM child_places c, env
    -- On the geometry index, as a lon/lat box: a geography test draws the box's edges as great
    -- circles, which at zoom 0 and 1 (edges of 180° and more) enclose the wrong part of the world.
    WHERE ST_Intersects(c.location::geometry, env.g)
    ORDER BY c.id
    LIMIT $4::int
  )
SELECT ST_AsMVT(f.*, 'child_places', 4096, 'geom', 'id') AS mvt FROM f
