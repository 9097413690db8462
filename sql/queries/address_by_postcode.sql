-- Addresses with one postcode (a query that is only a postcode, "411 24"), in street
-- and house-number order. $1 postcode (digits only); $2 how many.
SELECT a.osm_type, a.osm_id, a.street, a.housenumber, a.postcode, a.city,
       ST_X(a.geom) AS lon, ST_Y(a.geom) AS lat
FROM base_addresses a
WHERE replace(a.postcode, ' ', '') = $1::text
ORDER BY a.street, substring(a.housenumber from '^[0-9]{1,9}')::int NULLS LAST, a.housenumber NULLS FIRST, a.osm_type, a.osm_id
LIMIT $2::int
