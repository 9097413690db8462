-- Walking distances on the OpenStreetMap street network (api/walking/): the walking
-- speed that turns metres into minutes, and whether the information need's ring and
-- priority follow the straight line ('straight') or the walk ('walking').
INSERT INTO settings (key, value) VALUES
  ('walking_speed_kmh', '5'),
  ('information_distance', '"straight"')
ON CONFLICT (key) DO NOTHING;
