-- Address search and suggestion matching on the base data.
--
-- street_key / housenumber_key: the street and house number as the search compares them,
-- lower-cased and with å ä ö é ü folded to a o e u, so that "Gotaplatsen" finds
-- Götaplatsen and "1 A" finds 1A. Generated, so the importer writes only what OSM says.
-- The trigram index answers similarity (%), word similarity (<%) and prefix (LIKE 'x%')
-- on street_key; GIN rather than GiST, because a trigram GIN index answers those
-- filters several times faster on a national address set (bench/addressSearch.ts).
ALTER TABLE base_addresses
  ADD COLUMN street_key text GENERATED ALWAYS AS (translate(lower(street), 'åäöéèüáàæø', 'aaoeeuaaao')) STORED,
  ADD COLUMN housenumber_key text GENERATED ALWAYS AS (replace(lower(housenumber), ' ', '')) STORED;
CREATE INDEX base_addresses_street_key_trgm ON base_addresses USING gin (street_key gin_trgm_ops);
CREATE INDEX base_addresses_postcode_idx ON base_addresses (replace(postcode, ' ', ''));
