-- Units in one map tile as a Mapbox Vector Tile (PostgreSQL: ST_AsMVT).
-- $1 z, $2 x, $3 y, $4 the most features, $5 need-to-know (else restricted units
-- are placed by their coarse 250 m location). Same rows as tile_units.sql.
WITH
  -- The tile square in Web Mercator, and widened by the buffer in WGS 84
  -- (cut to the world's square: older PostGIS (3.3) widens an edge tile past ±180°, which
  -- would come back as longitudes on the other side of the world).
  env AS (SELECT ST_TileEnvelope($1::int, $2::int, $3::int) AS m,
                 ST_Transform(ST_ClipByBox2D(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS g),
  -- Each unit at the location this caller may see.
  shown AS (
    SELECT u.id, u.name, u.kind, u.status, u.sensitivity,
           ps_shows_coarse(u.sensitivity, $5::boolean) AS coarse,
           ps_visible_location(u.sensitivity, u.location, $5::boolean)::geometry AS geom
    FROM units u
  ),
  -- The units in the buffered tile, in tile coordinates (extent 4096, buffer 64).
  f AS (
    SELECT s.id, s.name, s.kind, s.status, s.sensitivity,
           CASE WHEN s.coarse THEN 'coarse' ELSE 'exact' END AS location_precision,
           ST_AsMVTGeom(ST_Transform(s.geom, 3857), env.m, 4096, 64, true) AS geom
    FROM shown s, env
    WHERE ST_Intersects(s.geom, env.g)
    ORDER BY s.id
    LIMIT $4::int
  )
SELECT ST_AsMVT(f.*, 'units', 4096, 'geom', 'id') AS mvt FROM f
