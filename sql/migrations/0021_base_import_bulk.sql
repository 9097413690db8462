-- Bulk loading of the base data: the import (api/services/baseData.ts) replaces every
-- row of the base tables in one transaction, and a city's extract is millions of rows.
-- Keeping the GiST, trigram and b-tree indexes and the base_address_streets triggers
-- up to date row by row made the writes most of the import's time, so the import
-- empties the tables, drops their secondary indexes and pauses the street-count
-- trigger first (base_import_begin), then rebuilds the indexes from the definitions it
-- read out of the catalogue and counts the streets in one pass (base_import_finish).
-- The indexes' definitions thus stay where they are stated (0015, 0017, 0020); these
-- functions only take them down and put the same ones back. Both run inside the
-- import's transaction, so a failed import rolls all of it back (indexes included).
-- Primary keys stay: they are what refuses a duplicate row.
--
-- Readers wait while an import runs (TRUNCATE and DROP INDEX lock the tables) rather
-- than seeing the previous base data; an import is an administrator's occasional act.

CREATE FUNCTION base_import_begin() RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  -- The TRUNCATE trigger of 0020 empties base_address_streets with base_addresses.
  TRUNCATE base_ways, base_areas, base_places, base_addresses, base_pois;
  CREATE TEMP TABLE base_import_index_defs (name text PRIMARY KEY, def text NOT NULL) ON COMMIT DROP;
  INSERT INTO base_import_index_defs (name, def)
  SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
  FROM pg_index i
  JOIN pg_class c ON c.oid = i.indexrelid
  JOIN pg_class t ON t.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE t.oid IN ('base_ways'::regclass, 'base_areas'::regclass, 'base_places'::regclass,
                  'base_addresses'::regclass, 'base_pois'::regclass, 'base_address_streets'::regclass)
    AND NOT i.indisprimary AND NOT i.indisunique;
  FOR r IN SELECT name FROM base_import_index_defs LOOP
    EXECUTE 'DROP INDEX ' || r.name;
  END LOOP;
  ALTER TABLE base_addresses DISABLE TRIGGER base_address_streets_ins;
END $$;

CREATE FUNCTION base_import_finish() RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  ALTER TABLE base_addresses ENABLE TRIGGER base_address_streets_ins;
  -- What the insert trigger would have counted, chunk by chunk, counted once.
  INSERT INTO base_address_streets (street_key, addresses)
  SELECT street_key, count(*) FROM base_addresses GROUP BY street_key;
  FOR r IN SELECT def FROM base_import_index_defs ORDER BY name LOOP
    EXECUTE r.def;
  END LOOP;
  DROP TABLE base_import_index_defs;
END $$;
