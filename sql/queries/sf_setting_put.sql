-- Sets who must have a second factor. $1 'none', 'admin' or 'editor'; $2 now.
INSERT INTO settings (key, value, updated_at) VALUES ('second_factor_required_for', to_jsonb($1::text), $2::timestamptz)
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
RETURNING value #>> '{}' AS required_for, ps_iso(updated_at) AS updated_at
