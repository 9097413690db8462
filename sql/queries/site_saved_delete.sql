-- Deletes one of the caller's saved site analyses; no row for another user's. $1 id, $2 user id.
DELETE FROM site_analyses WHERE id = $1 AND user_id = $2
RETURNING id, name
