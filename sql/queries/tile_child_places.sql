-- Child places in one map tile, as rows for the embedded database (no protobuf there).
-- $1 z, $2 x, $3 y, $4 the most features.
WITH
  -- The tile's Web Mercator square widened by the 64/4096 buffer, in WGS 84 for the index.
  env AS (SELECT ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), 4326) AS g)
SELECT c.id, c.name, c.kind,
       ST_X(c.location::geometry)::float8 AS lon, ST_Y(c.location::geometry)::float8 AS lat
FROM child_places c, env
WHERE c.location && env.g::geography
  AND ST_Intersects(c.location::geometry, env.g)
ORDER BY c.id
LIMIT $4::int
