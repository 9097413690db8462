-- Renames one of the caller's saved site analyses and/or replaces its sites (NULL keeps
-- the stored value); no row for another user's. $1 id, $2 user id, $3 name or NULL,
-- $4 sites (JSON text) or NULL, $5 now.
UPDATE site_analyses
SET name = coalesce($3::text, name), sites = coalesce($4::jsonb, sites), updated_at = $5::timestamptz
WHERE id = $1 AND user_id = $2
RETURNING id, name, sites::text AS sites, ps_iso(created_at) AS created_at, ps_iso(updated_at) AS updated_at
