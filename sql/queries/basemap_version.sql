-- The latest base data import: its id is the base tiles' version (tile URLs carry it, so
-- a tile can be cached until the next import).
SELECT id FROM base_imports ORDER BY id DESC LIMIT 1
