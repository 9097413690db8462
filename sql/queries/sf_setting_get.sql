-- Who must have a second factor: 'none', 'admin' or 'editor'.
SELECT value #>> '{}' AS required_for, ps_iso(updated_at) AS updated_at FROM settings WHERE key = 'second_factor_required_for'
