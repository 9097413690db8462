-- Which provider claim values give which role at first sign-in, and when that last changed.
SELECT value::text AS mappings, ps_iso(updated_at) AS updated_at FROM settings WHERE key = 'oidc_role_mappings'
