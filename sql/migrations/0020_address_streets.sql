-- The distinct streets of the imported addresses, for address search at national scale.
--
-- A trigram search over every address row is slow where many rows share trigrams
-- (every "…gatan" shares "gat", "ata", "tan"): at 500 000 addresses a misspelt street
-- took over a second. The search therefore finds the streets first in this table (one
-- row per folded street name, tens of thousands nationally, not millions), nearest by
-- trigram distance through a GiST index, then their addresses through a b-tree on
-- base_addresses.street_key (sql/queries/address_search.sql, bench/addressSearch.ts).
--
-- Kept by statement-level triggers on base_addresses, so any writer (the importer, a
-- test, a repair by hand) keeps it true without knowing about it.
CREATE TABLE base_address_streets (
  street_key  text PRIMARY KEY,
  addresses   integer NOT NULL CHECK (addresses > 0)
);
CREATE INDEX base_address_streets_trgm ON base_address_streets USING gist (street_key gist_trgm_ops);
CREATE INDEX base_addresses_street_key_idx ON base_addresses (street_key);

-- One function for the four triggers: an update of the street counts the new rows in,
-- then the old ones out (never below one in between, so the CHECK holds). Each trigger
-- has only its own transition tables, so each step runs only where its table exists.
CREATE FUNCTION base_address_streets_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM base_address_streets;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO base_address_streets (street_key, addresses)
    SELECT street_key, count(*) FROM new_rows GROUP BY street_key
    ON CONFLICT (street_key) DO UPDATE SET addresses = base_address_streets.addresses + EXCLUDED.addresses;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    WITH gone AS (SELECT street_key, count(*) AS n FROM old_rows GROUP BY street_key),
    emptied AS (
      DELETE FROM base_address_streets s USING gone g
      WHERE s.street_key = g.street_key AND s.addresses <= g.n
      RETURNING s.street_key
    )
    UPDATE base_address_streets s SET addresses = s.addresses - g.n
    FROM gone g
    WHERE s.street_key = g.street_key AND s.street_key NOT IN (SELECT street_key FROM emptied);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER base_address_streets_ins AFTER INSERT ON base_addresses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION base_address_streets_counted();
CREATE TRIGGER base_address_streets_del AFTER DELETE ON base_addresses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION base_address_streets_counted();
CREATE TRIGGER base_address_streets_upd AFTER UPDATE ON base_addresses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION base_address_streets_counted();
CREATE TRIGGER base_address_streets_trunc AFTER TRUNCATE ON base_addresses
  FOR EACH STATEMENT EXECUTE FUNCTION base_address_streets_counted();

INSERT INTO base_address_streets (street_key, addresses)
SELECT street_key, count(*) FROM base_addresses GROUP BY street_key;

-- The address-by-address trigram index of 0017 is no longer what the search reads.
DROP INDEX base_addresses_street_key_trgm;
