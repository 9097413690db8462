-- Whether unit $1 exists (one row) or not (no row).
SELECT id FROM units WHERE id = $1::int
