-- Links demo activity $1 to the actors ($2) and child places ($3) named by external id (jsonb text arrays).
WITH linked_actors AS (
  -- actors involved
  INSERT INTO activity_actors (activity_id, actor_id)
  SELECT $1::int, a.id FROM actors a WHERE a.external_id IN (SELECT jsonb_array_elements_text($2::jsonb))
  RETURNING 1
)
-- child places involved
INSERT INTO activity_child_places (activity_id, child_place_id)
SELECT $1::int, c.id FROM child_places c WHERE c.external_id IN (SELECT jsonb_array_elements_text($3::jsonb))
