-- Base data import: the new version row. $1 source name, $2 source kind, $3 counts (JSON text), $4..$7 west, south, east, north, $8 user id, $9 now.
INSERT INTO base_imports (source_name, source_kind, counts, bbox, imported_by, imported_at)
VALUES ($1, $2, $3::jsonb, ST_MakeEnvelope($4, $5, $6, $7, 4326), $8, $9::timestamptz)
RETURNING id, ps_iso(imported_at) AS imported_at
