-- A new saved site analysis. $1 user id, $2 name, $3 sites (JSON text), $4 now.
INSERT INTO site_analyses (user_id, name, sites, created_at, updated_at)
VALUES ($1, $2, $3::jsonb, $4::timestamptz, $4::timestamptz)
RETURNING id, name, sites::text AS sites, ps_iso(created_at) AS created_at, ps_iso(updated_at) AS updated_at
