-- Addresses whose street is like the one typed, best first.
-- $1 street key (lower-cased, å ä ö é ü folded, as base_addresses.street_key);
-- $2 the same as a LIKE prefix pattern (wildcards escaped, '%' appended);
-- $3 house number key or NULL; $4 postcode (digits only) or NULL; $5 town (lower-cased) or NULL;
-- $6 how many.
-- Candidates are the streets trigram-similar to the typed one (similarity ≥ the
-- pg_trgm threshold 0.3), containing it as a similar word (word similarity ≥ 0.6), or
-- starting with it: all three are answered by base_addresses_street_key_trgm.
-- Ranking: the exact street with the exact number first; then a score adding the
-- street's similarity, and bonuses for an exact street, a prefix, the number, the
-- postcode and the town; ties by street and house number in numeric order.
WITH cand AS (
  SELECT a.*,
         greatest(similarity(a.street_key, $1::text), word_similarity($1::text, a.street_key)) AS sim,
         (a.street_key = $1::text) AS exact_street,
         (a.street_key LIKE $2::text) AS prefix,
         (a.housenumber_key = $3::text) AS number_exact,
         (a.housenumber_key LIKE $3::text || '%') AS number_prefix
  FROM base_addresses a
  WHERE a.street_key % $1::text OR $1::text <% a.street_key OR a.street_key LIKE $2::text
)
SELECT c.osm_type, c.osm_id, c.street, c.housenumber, c.postcode, c.city,
       ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat
FROM cand c
ORDER BY (c.exact_street AND coalesce(c.number_exact, false)) DESC,
         c.sim
           + CASE WHEN c.exact_street THEN 0.3 ELSE 0 END
           + CASE WHEN c.prefix THEN 0.2 ELSE 0 END
           + CASE WHEN c.number_exact THEN 0.5 WHEN c.number_prefix THEN 0.1 ELSE 0 END
           + CASE WHEN replace(c.postcode, ' ', '') = $4::text THEN 0.3 ELSE 0 END
           + CASE WHEN lower(c.city) = $5::text THEN 0.1 ELSE 0 END DESC,
         c.street,
         substring(c.housenumber from '^[0-9]{1,9}')::int NULLS LAST,
         c.housenumber NULLS FIRST,
         c.osm_type, c.osm_id
LIMIT $6::int
