-- First save of principle $2 of unit $1 (no row yet): $3 status, $4 evidence,
-- $5 last reviewed, $6 who, $7 now. No row returned when someone saved it first.
INSERT INTO unit_principles (unit_id, principle, status, evidence, last_reviewed, version, updated_by, created_at, updated_at)
VALUES ($1::int, $2::int, $3::text, $4::text, $5::date, 1, $6::text, $7::timestamptz, $7::timestamptz)
ON CONFLICT (unit_id, principle) DO NOTHING
RETURNING version
