-- Updates one units row from an import: only the fields the mapping supplies (keys present in
-- $2, jsonb text) change; $3 the new geometry (GeoJSON), $4 now, $5 the version read.
UPDATE units SET
  name = CASE WHEN ($2::jsonb -> 'name') IS NOT NULL THEN ($2::jsonb ->> 'name') ELSE name END,
  kind = CASE WHEN ($2::jsonb -> 'kind') IS NOT NULL THEN ($2::jsonb ->> 'kind') ELSE kind END,
  address = CASE WHEN ($2::jsonb -> 'address') IS NOT NULL THEN ($2::jsonb ->> 'address') ELSE address END,
  operator = CASE WHEN ($2::jsonb -> 'operator') IS NOT NULL THEN ($2::jsonb ->> 'operator') ELSE operator END,
  places = CASE WHEN ($2::jsonb -> 'places') IS NOT NULL THEN ($2::jsonb ->> 'places')::int ELSE places END,
  location = ST_GeomFromGeoJSON($3::text)::geography,
  version = version + 1,
  updated_at = $4::timestamptz
WHERE id = $1 AND version = $5
RETURNING id, version
