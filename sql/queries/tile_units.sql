-- Units in one map tile, as rows for the embedded database (no protobuf there).
-- $1 z, $2 x, $3 y, $4 the most features, $5 whether the caller has need-to-know:
-- without it, restricted units are placed (and filtered) by their coarse 250 m location.
WITH
  -- The tile's Web Mercator square widened by the 64/4096 buffer, in WGS 84
  -- (cut to the world's square: older PostGIS (3.3) widens an edge tile past ±180°, which
  -- would come back as longitudes on the other side of the world).
  env AS (SELECT ST_Transform(ST_ClipByBox2D(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS g),
  -- Each unit at the location this caller may see.
  shown AS (
    SELECT u.id, u.name, u.kind, u.status, u.sensitivity,
           ps_shows_coarse(u.sensitivity, $5::boolean) AS coarse,
           ps_visible_location(u.sensitivity, u.location, $5::boolean)::geometry AS geom
    FROM units u
  )
SELECT s.id, s.name, s.kind, s.status, s.sensitivity,
       CASE WHEN s.coarse THEN 'coarse' ELSE 'exact' END AS location_precision,
       ST_X(s.geom)::float8 AS lon, ST_Y(s.geom)::float8 AS lat
FROM shown s, env
WHERE ST_Intersects(s.geom, env.g)
ORDER BY s.id
LIMIT $4::int
