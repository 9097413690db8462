-- Replaces the claim-value → role mappings. $1 the JSON array, $2 now.
UPDATE settings SET value = $1::jsonb, updated_at = $2::timestamptz WHERE key = 'oidc_role_mappings'
RETURNING value::text AS mappings, ps_iso(updated_at) AS updated_at
