-- One of the caller's saved site analyses (no row for another user's). $1 id, $2 user id.
SELECT id, name, sites::text AS sites, ps_iso(created_at) AS created_at, ps_iso(updated_at) AS updated_at
FROM site_analyses
WHERE id = $1 AND user_id = $2
