-- Replaces the walking settings. $1 the speed in km/h; $2 the information distance
-- ('straight' | 'walking'); $3 the time of the change. Returns the count of rows changed
-- (2 when both settings exist).
WITH changed AS (
  UPDATE settings
  SET value = CASE key WHEN 'walking_speed_kmh' THEN to_jsonb($1::float8) ELSE to_jsonb($2::text) END,
      updated_at = $3::timestamptz
  WHERE key IN ('walking_speed_kmh', 'information_distance')
  RETURNING key
)
SELECT count(*)::int AS n FROM changed
