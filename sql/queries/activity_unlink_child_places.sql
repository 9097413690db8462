-- Removes every child-place link of activity $1 (before relinking on change).
DELETE FROM activity_child_places WHERE activity_id = $1::int
