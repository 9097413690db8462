-- Removes an actor (and, by cascade, its contact persons) if its version is still $2. $1 id.
DELETE FROM actors WHERE id = $1 AND version = $2 RETURNING id
