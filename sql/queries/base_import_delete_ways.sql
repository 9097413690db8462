-- Base data import: the previous import's ways go (inside the import's transaction).
DELETE FROM base_ways
