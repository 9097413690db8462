-- Updates one areas row from an import: only the fields the mapping supplies (keys present in
-- $2, jsonb text) change; $3 the new geometry (GeoJSON), $4 now, $5 the version read.
UPDATE areas SET
  name = CASE WHEN ($2::jsonb -> 'name') IS NOT NULL THEN ($2::jsonb ->> 'name') ELSE name END,
  level = CASE WHEN ($2::jsonb -> 'level') IS NOT NULL THEN ($2::jsonb ->> 'level') ELSE level END,
  code = CASE WHEN ($2::jsonb -> 'code') IS NOT NULL THEN ($2::jsonb ->> 'code') ELSE code END,
  parent_name = CASE WHEN ($2::jsonb -> 'parent_name') IS NOT NULL THEN ($2::jsonb ->> 'parent_name') ELSE parent_name END,
  geom = ST_Multi(ST_GeomFromGeoJSON($3::text))::geography,
  version = version + 1,
  updated_at = $4::timestamptz
WHERE id = $1 AND version = $5
RETURNING id, version
