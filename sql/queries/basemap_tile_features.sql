-- One map tile of the base data as rows for the API's encoder (the embedded database has no
-- ST_AsMVT): the features of ps_basemap_features (migration 0022), which basemap_tile_mvt.sql
-- encodes on PostgreSQL instead, so both engines draw the same features.
-- $1 z, $2 x, $3 y, $4 the most features of one layer.
-- Encoding: rows with GeoJSON geometry in WGS 84, which the API cuts and encodes.
SELECT f.layer, ST_AsGeoJSON(f.geom, 7) AS geometry, f.props
FROM ps_basemap_features($1::int, $2::int, $3::int, $4::int) f
WHERE NOT ST_IsEmpty(f.geom)
ORDER BY f.layer, f.rank
