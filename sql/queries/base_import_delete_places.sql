-- Base data import: the previous import's places go (inside the import's transaction).
DELETE FROM base_places
