-- Base data import: the previous import's pois go (inside the import's transaction).
DELETE FROM base_pois
