-- Changes principle $2 of unit $1 if it still has version $3: $4 status, $5 evidence,
-- $6 last reviewed, $7 who, $8 now. No row returned when the version is stale.
UPDATE unit_principles
SET status = $4::text, evidence = $5::text, last_reviewed = $6::date, updated_by = $7::text,
    version = version + 1, updated_at = $8::timestamptz
WHERE unit_id = $1::int AND principle = $2::int AND version = $3::int
RETURNING version
