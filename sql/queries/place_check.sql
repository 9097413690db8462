-- What the base data says about one point: whether anything is imported, whether the
-- point lies inside the latest import's extent, in water (and which, the smallest named
-- water first: the river before the sea around it), and on land where the extract
-- has land areas. $1 lon; $2 lat (WGS 84).
WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) AS g),
latest AS (SELECT bbox FROM base_imports ORDER BY id DESC LIMIT 1),
water AS (
  SELECT a.name
  FROM base_areas a, p
  WHERE a.kind = 'water' AND ST_Intersects(a.geom, p.g)
  ORDER BY (a.name IS NULL), ST_Area(a.geom), a.osm_type, a.osm_id
  LIMIT 1
)
SELECT EXISTS (SELECT 1 FROM base_imports) AS imported,
       (SELECT ST_Intersects(latest.bbox, p.g) FROM latest, p) AS inside_import,
       EXISTS (SELECT 1 FROM water) AS in_water,
       (SELECT name FROM water) AS water_name,
       EXISTS (SELECT 1 FROM base_areas WHERE kind = 'land') AS has_land,
       EXISTS (SELECT 1 FROM base_areas a, p WHERE a.kind = 'land' AND ST_Intersects(a.geom, p.g)) AS on_land
