-- Actors in one map tile, as rows for the embedded database (its PostGIS has no
-- protobuf, so the API encodes the tile itself). $1 z, $2 x, $3 y, $4 the most features.
-- Only the fields a map label needs: contact details stay behind /api/actors/{id}.
WITH
  -- The tile's Web Mercator square widened by the 64/4096 buffer, in WGS 84 for the index.
  env AS (SELECT ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), 4326) AS g)
SELECT a.id, a.name, a.category,
       ST_X(a.location::geometry)::float8 AS lon, ST_Y(a.location::geometry)::float8 AS lat
FROM actors a, env
WHERE a.location && env.g::geography
  AND ST_Intersects(a.location::geometry, env.g)
ORDER BY a.id
LIMIT $4::int
