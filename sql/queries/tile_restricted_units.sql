-- The restricted units a units tile shows at their exact location, for the audit of
-- exact reads: the same tile square and buffer as tile_units.sql / tile_units_mvt.sql.
-- $1 z, $2 x, $3 y.
WITH
  -- The tile's Web Mercator square widened by the 64/4096 buffer, in WGS 84
  -- (cut to the world's square: older PostGIS (3.3) widens an edge tile past ±180°, which
  -- would come back as longitudes on the other side of the world).
  env AS (SELECT ST_Transform(ST_ClipByBox2D(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS g)
SELECT u.id
FROM units u, env
WHERE u.sensitivity = 'restricted' AND ST_Intersects(u.location::geometry, env.g)
ORDER BY u.id
