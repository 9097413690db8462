-- Updates one actors row from an import: only the fields the mapping supplies (keys present in
-- $2, jsonb text) change; $3 the new geometry (GeoJSON), $4 now, $5 the version read.
UPDATE actors SET
  name = CASE WHEN ($2::jsonb -> 'name') IS NOT NULL THEN ($2::jsonb ->> 'name') ELSE name END,
  category = CASE WHEN ($2::jsonb -> 'category') IS NOT NULL THEN ($2::jsonb ->> 'category') ELSE category END,
  address = CASE WHEN ($2::jsonb -> 'address') IS NOT NULL THEN ($2::jsonb ->> 'address') ELSE address END,
  organisation = CASE WHEN ($2::jsonb -> 'organisation') IS NOT NULL THEN ($2::jsonb ->> 'organisation') ELSE organisation END,
  phone = CASE WHEN ($2::jsonb -> 'phone') IS NOT NULL THEN ($2::jsonb ->> 'phone') ELSE phone END,
  email = CASE WHEN ($2::jsonb -> 'email') IS NOT NULL THEN ($2::jsonb ->> 'email') ELSE email END,
  website = CASE WHEN ($2::jsonb -> 'website') IS NOT NULL THEN ($2::jsonb ->> 'website') ELSE website END,
  location = ST_GeomFromGeoJSON($3::text)::geography,
  version = version + 1,
  updated_at = $4::timestamptz
WHERE id = $1 AND version = $5
RETURNING id, version
