-- Base data import: the previous import's areas go (inside the import's transaction).
DELETE FROM base_areas
