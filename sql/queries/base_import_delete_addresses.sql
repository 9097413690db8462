-- Base data import: the previous import's addresses go (inside the import's transaction).
DELETE FROM base_addresses
