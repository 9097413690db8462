-- Removes every actor link of activity $1 (before relinking on change).
DELETE FROM activity_actors WHERE activity_id = $1::int
