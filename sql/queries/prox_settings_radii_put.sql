-- Replaces the global zone radii. $1 the radii as JSON text; $2 the time of the change.
UPDATE settings SET value = $1::jsonb, updated_at = $2::timestamptz
WHERE key = 'zone_radii'
RETURNING (value->>'immediate')::float8 AS immediate, (value->>'neighbourhood')::float8 AS neighbourhood,
          (value->>'area')::float8 AS area, ps_iso(updated_at) AS updated_at
