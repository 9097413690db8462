-- One map tile of the base data as a Mapbox Vector Tile (PostgreSQL, ST_AsMVT): the features
-- of ps_basemap_features (migration 0022), which basemap_tile_features.sql hands to the
-- embedded database's encoder instead, so both engines draw the same features.
-- $1 z, $2 x, $3 y, $4 the most features of one layer.
WITH
  env AS (
    SELECT ST_TileEnvelope($1::int, $2::int, $3::int) AS m
  ),
  -- Encoding: one MVT layer per schema layer, concatenated (a tile is a sequence of layers).
  mvt AS (
    SELECT f.layer, f.rank, f.props, ST_AsMVTGeom(ST_Transform(f.geom, 3857), env.m, 4096, 64, true) AS geom
    FROM ps_basemap_features($1::int, $2::int, $3::int, $4::int) f, env
  )
SELECT coalesce((SELECT ST_AsMVT(t.*, 'earth', 4096, 'geom') FROM (SELECT geom, props FROM mvt WHERE layer = 'earth' AND geom IS NOT NULL ORDER BY rank) t), ''::bytea)
    || coalesce((SELECT ST_AsMVT(t.*, 'water', 4096, 'geom') FROM (SELECT geom, props FROM mvt WHERE layer = 'water' AND geom IS NOT NULL ORDER BY rank) t), ''::bytea)
    || coalesce((SELECT ST_AsMVT(t.*, 'landuse', 4096, 'geom') FROM (SELECT geom, props FROM mvt WHERE layer = 'landuse' AND geom IS NOT NULL ORDER BY rank) t), ''::bytea)
    || coalesce((SELECT ST_AsMVT(t.*, 'roads', 4096, 'geom') FROM (SELECT geom, props FROM mvt WHERE layer = 'roads' AND geom IS NOT NULL ORDER BY rank) t), ''::bytea)
    || coalesce((SELECT ST_AsMVT(t.*, 'buildings', 4096, 'geom') FROM (SELECT geom, props FROM mvt WHERE layer = 'buildings' AND geom IS NOT NULL ORDER BY rank) t), ''::bytea)
    || coalesce((SELECT ST_AsMVT(t.*, 'places', 4096, 'geom') FROM (SELECT geom, props FROM mvt WHERE layer = 'places' AND geom IS NOT NULL ORDER BY rank) t), ''::bytea)
    || coalesce((SELECT ST_AsMVT(t.*, 'pois', 4096, 'geom') FROM (SELECT geom, props FROM mvt WHERE layer = 'pois' AND geom IS NOT NULL ORDER BY rank) t), ''::bytea)
    AS mvt
