-- The global zone radii (metres).
SELECT (value->>'immediate')::float8 AS immediate, (value->>'neighbourhood')::float8 AS neighbourhood,
       (value->>'area')::float8 AS area, ps_iso(updated_at) AS updated_at
FROM settings
WHERE key = 'zone_radii'
