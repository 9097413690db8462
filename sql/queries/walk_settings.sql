-- The walking settings: speed in km/h, the information distance ('straight' | 'walking')
-- and when either was last changed.
SELECT (SELECT (value #>> '{}')::float8 FROM settings WHERE key = 'walking_speed_kmh') AS speed_kmh,
       (SELECT value #>> '{}' FROM settings WHERE key = 'information_distance') AS information_distance,
       (SELECT ps_iso(max(updated_at)) FROM settings WHERE key IN ('walking_speed_kmh', 'information_distance')) AS updated_at
