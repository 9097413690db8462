-- Whether a unit exists (the suggestions of an unknown unit are a 404, not an empty list).
-- $1 unit id.
SELECT id FROM units WHERE id = $1::int
