-- Links activity $1 to the child places in $2 (jsonb array of ids).
INSERT INTO activity_child_places (activity_id, child_place_id)
SELECT DISTINCT $1::int, x::int FROM jsonb_array_elements_text($2::jsonb) x
