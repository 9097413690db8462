-- The walking settings: speed in km/h and the information distance ('straight' | 'walking').
SELECT (SELECT (value #>> '{}')::float8 FROM settings WHERE key = 'walking_speed_kmh') AS speed_kmh,
       (SELECT value #>> '{}' FROM settings WHERE key = 'information_distance') AS information_distance
