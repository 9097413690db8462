-- One unit's location as the caller may see it (coarse for restricted units without
-- need-to-know, so no walk from it reveals the exact address), as lon/lat.
-- $1 unit id; $2 need-to-know.
SELECT ST_X(v.p::geometry) AS lon, ST_Y(v.p::geometry) AS lat
FROM (SELECT ps_visible_location(sensitivity, location, $2::boolean) AS p FROM units_effective WHERE id = $1::int) v
