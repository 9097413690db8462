-- Removes activity $1 if it still has version $2 (its links go with it).
DELETE FROM activities WHERE id = $1::int AND version = $2::int RETURNING id
