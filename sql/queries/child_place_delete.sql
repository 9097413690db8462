-- Removes a child place if its version is still $2. $1 id.
DELETE FROM child_places WHERE id = $1 AND version = $2 RETURNING id
