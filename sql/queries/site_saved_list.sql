-- The caller's saved site analyses, newest change first. $1 user id.
SELECT id, name, sites::text AS sites, ps_iso(created_at) AS created_at, ps_iso(updated_at) AS updated_at
FROM site_analyses
WHERE user_id = $1
ORDER BY updated_at DESC, id DESC
