-- Dismisses one suggestion for one unit; dismissing it again changes nothing.
-- $1 osm type; $2 osm id; $3 unit id; $4 user id; $5 now.
INSERT INTO base_suggestion_dismissals (osm_type, osm_id, unit_id, dismissed_by, dismissed_at)
VALUES ($1::text, $2::bigint, $3::int, $4::int, $5::timestamptz)
ON CONFLICT (osm_type, osm_id, unit_id) DO NOTHING
RETURNING osm_id
