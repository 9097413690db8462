-- Addresses whose street is like the one typed, best first.
-- $1 street key (lower-cased, å ä ö é ü folded, as base_addresses.street_key);
-- $2 the same as a LIKE prefix pattern (wildcards escaped, '%' appended);
-- $3 house number key or NULL; $4 postcode (digits only) or NULL; $5 town (lower-cased) or NULL;
-- $6 how many.
-- First the streets (base_address_streets, one row per street name): the nearest by
-- trigram distance, the nearest by word distance (the typed text as a part of a longer
-- name) and those that start with it, each answered by the GiST index in index order.
-- They are kept when similar enough: similarity ≥ 0.3 (pg_trgm's default threshold),
-- word similarity ≥ 0.6 (its default word threshold), or a prefix; the best dozen, then
-- each one's best addresses through the b-tree on street_key.
-- Ranking: the exact street with the exact number first; then a score adding the
-- street's similarity, and bonuses for an exact street, a prefix, the number, the
-- postcode and the town; ties by street and house number in numeric order.
WITH near AS (
  (SELECT street_key FROM base_address_streets ORDER BY street_key <-> $1::text LIMIT 40)
  UNION
  (SELECT street_key FROM base_address_streets ORDER BY $1::text <<-> street_key LIMIT 40)
  UNION
  (SELECT street_key FROM base_address_streets WHERE street_key LIKE $2::text ORDER BY street_key LIMIT 40)
), streets AS (
  -- the dozen most like the typed street; the number, postcode and town then rank the
  -- addresses of these (a street is not dropped for the lack of the number typed)
  SELECT n.street_key,
         greatest(similarity(n.street_key, $1::text), word_similarity($1::text, n.street_key)) AS sim,
         (n.street_key = $1::text) AS exact_street,
         (n.street_key LIKE $2::text) AS prefix
  FROM near n
  WHERE similarity(n.street_key, $1::text) >= 0.3
     OR word_similarity($1::text, n.street_key) >= 0.6
     OR n.street_key LIKE $2::text
  ORDER BY greatest(similarity(n.street_key, $1::text), word_similarity($1::text, n.street_key))
             + CASE WHEN n.street_key = $1::text THEN 0.3 ELSE 0 END
             + CASE WHEN n.street_key LIKE $2::text THEN 0.2 ELSE 0 END DESC,
           n.street_key
  LIMIT 12
), cand AS (
  -- per street, its best $6 addresses: the number typed, then that number with a
  -- letter (1 finds 1A, not 10), the postcode, the town, then in house-number order
  SELECT a.*, s.sim, s.exact_street, s.prefix
  FROM streets s
  CROSS JOIN LATERAL (
    SELECT a.osm_type, a.osm_id, a.street, a.housenumber, a.postcode, a.city, a.geom,
           (a.housenumber_key = $3::text) AS number_exact,
           (a.housenumber_key LIKE $3::text || '%' AND substring(a.housenumber_key from length($3::text) + 1 for 1) !~ '[0-9]') AS number_prefix
    FROM base_addresses a
    WHERE a.street_key = s.street_key
    ORDER BY (a.housenumber_key = $3::text) DESC NULLS LAST,
             (a.housenumber_key LIKE $3::text || '%' AND substring(a.housenumber_key from length($3::text) + 1 for 1) !~ '[0-9]') DESC NULLS LAST,
             (replace(a.postcode, ' ', '') = $4::text) DESC NULLS LAST,
             (lower(a.city) = $5::text) DESC NULLS LAST,
             substring(a.housenumber from '^[0-9]{1,9}')::int NULLS LAST,
             a.housenumber NULLS FIRST, a.osm_type, a.osm_id
    LIMIT $6::int
  ) a
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
