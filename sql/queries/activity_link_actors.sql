-- Links activity $1 to the actors in $2 (jsonb array of ids).
INSERT INTO activity_actors (activity_id, actor_id)
SELECT DISTINCT $1::int, x::int FROM jsonb_array_elements_text($2::jsonb) x
