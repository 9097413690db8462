-- The actors inside the outer ring of one unit, nearest first, each with its ring and
-- its active contact persons (aggregated here, not fetched per actor).
-- $1 unit id; $2 need-to-know; $3 rings (comma list) or NULL; $4 categories (comma list) or NULL.
WITH u AS (
  -- the unit's centre as the caller may see it (coarse for restricted units without
  -- need-to-know, so distances do not reveal the exact location), and its radii
  SELECT CASE WHEN sensitivity = 'restricted' AND NOT $2::boolean
              THEN ps_coarse_location(location)::geography ELSE location END AS centre,
         r_immediate, r_neighbourhood, r_area
  FROM units_effective
  WHERE id = $1::int
), near AS (
  -- actors within the outer ring: ST_DWithin on geography, answered by actors_location_gix
  SELECT a.*, ST_Distance(a.location, u.centre) AS d,
         CASE WHEN ST_Distance(a.location, u.centre) <= u.r_immediate THEN 'immediate'
              WHEN ST_Distance(a.location, u.centre) <= u.r_neighbourhood THEN 'neighbourhood'
              ELSE 'area' END AS ring
  FROM u
  JOIN actors a ON ST_DWithin(a.location, u.centre, u.r_area)
  WHERE $4::text IS NULL OR a.category = ANY (string_to_array($4::text, ','))
)
SELECT n.id, n.name, n.category, n.organisation, n.contact_about, n.address, n.phone, n.email,
       n.website, n.external_id, n.version,
       round(n.d::numeric, 1)::float8 AS distance_m, n.ring,
       ST_AsGeoJSON(n.location::geometry, 7)::json AS geometry,
       (SELECT coalesce(json_agg(json_build_object('id', cp.id, 'name', cp.name, 'role', cp.role,
                                                   'phone', cp.phone, 'email', cp.email) ORDER BY cp.id), '[]'::json)
        FROM contact_persons cp
        WHERE cp.actor_id = n.id AND cp.active) AS contact_persons
FROM near n
WHERE $3::text IS NULL OR n.ring = ANY (string_to_array($3::text, ','))
ORDER BY n.d, n.id
