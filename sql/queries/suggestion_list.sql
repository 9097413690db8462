-- Points of interest inside one unit's outer ring that are not yet actors or child
-- places and were not dismissed for this unit, nearest first.
-- $1 unit id; $2 need-to-know (a restricted unit without it is centred on its coarse
-- location); $3 keys of which every value is mapped (comma list: shop,healthcare);
-- $4 mapped key=value pairs (comma list: amenity=cafe,…); $5 matching distance (m);
-- $6 matching name similarity (0–1); $7/$8 one element only (osm type and id) or NULL.
-- "Already a record": a record whose external_id is osm:<type>/<id>, or one within $5 m
-- whose name is trigram-similar (≥ $6) to the point's.
WITH u AS (
  SELECT ps_visible_location(sensitivity, location, $2::boolean) AS centre, r_area
  FROM units_effective
  WHERE id = $1::int
)
SELECT p.osm_type, p.osm_id, p.key, p.value, p.name, p.tags,
       ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat,
       round(ST_Distance(p.geom::geography, u.centre)::numeric, 1)::float8 AS distance_m
FROM u
JOIN base_pois p
  -- the envelope (answered by base_pois_geom_gix), then the exact geodesic distance
  ON p.geom && ST_Envelope(ST_Buffer(u.centre, u.r_area * 1.05)::geometry)
 AND ST_DWithin(p.geom::geography, u.centre, u.r_area)
WHERE (p.key = ANY (string_to_array($3::text, ',')) OR (p.key || '=' || p.value) = ANY (string_to_array($4::text, ',')))
  AND ($7::text IS NULL OR (p.osm_type = $7::text AND p.osm_id = $8::bigint))
  AND NOT EXISTS (
    SELECT 1 FROM base_suggestion_dismissals d
    WHERE d.unit_id = $1::int AND d.osm_type = p.osm_type AND d.osm_id = p.osm_id)
  AND NOT EXISTS (
    SELECT 1 FROM actors a
    WHERE a.external_id = 'osm:' || p.osm_type || '/' || p.osm_id
       OR (p.name IS NOT NULL AND ST_DWithin(a.location, p.geom::geography, $5::float8)
           AND similarity(lower(a.name), lower(p.name)) >= $6::float8))
  AND NOT EXISTS (
    SELECT 1 FROM child_places c
    WHERE c.external_id = 'osm:' || p.osm_type || '/' || p.osm_id
       OR (p.name IS NOT NULL AND ST_DWithin(c.location, p.geom::geography, $5::float8)
           AND similarity(lower(c.name), lower(p.name)) >= $6::float8))
ORDER BY ST_Distance(p.geom::geography, u.centre), p.osm_type, p.osm_id
