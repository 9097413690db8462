-- Child places in one map tile, as rows for the embedded database (no protobuf there).
-- $1 z, $2 x, $3 y, $4 the most features.
WITH
  -- The tile's Web Mercator square widened by the 64/4096 buffer, in WGS 84 for the index
  -- (cut to the world's square: older PostGIS (3.3) widens an edge tile past ±180°, which
  -- would come back as longitudes on the other side of the world).
  env AS (SELECT ST_Transform(ST_ClipByBox2D(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS g)
SELECT c.id, c.name, c.kind,
       ST_X(c.location::geometry)::float8 AS lon, ST_Y(c.location::geometry)::float8 AS lat
FROM child_places c, env
-- On the geometry index, as a lon/lat box: a geography test draws the box's edges as great
-- circles, which at zoom 0 and 1 (edges of 180° and more) enclose the wrong part of the world.
WHERE ST_Intersects(c.location::geometry, env.g)
ORDER BY c.id
LIMIT $4::int
