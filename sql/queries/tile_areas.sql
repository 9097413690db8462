-- Areas in one map tile, as rows for the embedded database (no protobuf there): the
-- shapes of ps_tile_area_shapes (migration 0024), as tile_areas_mvt.sql draws them, as
-- GeoJSON in WGS 84 for the API to cut to the tile and encode.
-- $1 z, $2 x, $3 y, $4 the most features.
SELECT s.id, s.name, s.level, s.code, ST_AsGeoJSON(ST_Transform(s.geom, 4326), 9)::json AS geometry
FROM ps_tile_area_shapes($1::int, $2::int, $3::int) s
ORDER BY s.id
LIMIT $4::int
