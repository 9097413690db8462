-- Removes a unit if its version is still $2. $1 id.
DELETE FROM units WHERE id = $1 AND version = $2 RETURNING id
