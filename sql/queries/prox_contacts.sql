-- The actors inside the outer ring of one unit, nearest first, each with its ring.
-- Their contact persons come from prox_contact_persons.sql in one more query: a
-- per-actor json_agg subquery here cost about 10 µs an actor, more than the rest of
-- this query at national scale (bench/RESULTS.md, W1).
-- $1 unit id; $2 need-to-know; $3 rings (comma list) or NULL; $4 categories (comma list) or NULL.
WITH u AS (
  -- the unit's centre as the caller may see it (coarse for restricted units without
  -- need-to-know, so distances do not reveal the exact location), and its radii
  SELECT ps_visible_location(sensitivity, location, $2::boolean) AS centre,
         r_immediate, r_neighbourhood, r_area
  FROM units_effective
  WHERE id = $1::int
), near AS MATERIALIZED (
  -- actors within the outer ring: ST_DWithin on geography, answered by actors_location_gix.
  -- MATERIALIZED so the spheroid distance is computed once per actor, not again for
  -- the ring, the rounding and the sort.
  SELECT a.id, a.name, a.category, a.organisation, a.contact_about, a.address, a.phone, a.email,
         a.website, a.external_id, a.version, a.location,
         ST_Distance(a.location, u.centre) AS d, u.r_immediate, u.r_neighbourhood
  FROM u
  JOIN actors a ON ST_DWithin(a.location, u.centre, u.r_area)
  WHERE $4::text IS NULL OR a.category = ANY (string_to_array($4::text, ','))
), ringed AS (
  -- the innermost ring whose radius is at least the distance
  SELECT n.*, ps_ring(n.d, n.r_immediate, n.r_neighbourhood) AS ring
  FROM near n
)
SELECT n.id, n.name, n.category, n.organisation, n.contact_about, n.address, n.phone, n.email,
       n.website, n.external_id, n.version,
       round(n.d::numeric, 1)::float8 AS distance_m, n.ring,
       ST_AsGeoJSON(n.location::geometry, 7)::json AS geometry
FROM ringed n
WHERE $3::text IS NULL OR n.ring = ANY (string_to_array($3::text, ','))
ORDER BY n.d, n.id
