-- Updates a chunk of actors from an import. $1 a JSON array (text) of {id, version: the version
-- read, v: the values, lon, lat}; $2 now. Only the fields the mapping supplies (keys present in v)
-- change. A row whose version is no longer the one read is left alone and missing from the
-- answer, which the caller treats as a conflict.
UPDATE actors t SET
  name = CASE WHEN (r.v -> 'name') IS NOT NULL THEN (r.v ->> 'name') ELSE t.name END,
  category = CASE WHEN (r.v -> 'category') IS NOT NULL THEN (r.v ->> 'category') ELSE t.category END,
  address = CASE WHEN (r.v -> 'address') IS NOT NULL THEN (r.v ->> 'address') ELSE t.address END,
  organisation = CASE WHEN (r.v -> 'organisation') IS NOT NULL THEN (r.v ->> 'organisation') ELSE t.organisation END,
  phone = CASE WHEN (r.v -> 'phone') IS NOT NULL THEN (r.v ->> 'phone') ELSE t.phone END,
  email = CASE WHEN (r.v -> 'email') IS NOT NULL THEN (r.v ->> 'email') ELSE t.email END,
  website = CASE WHEN (r.v -> 'website') IS NOT NULL THEN (r.v ->> 'website') ELSE t.website END,
  location = ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography,
  version = t.version + 1,
  updated_at = $2::timestamptz
FROM jsonb_to_recordset($1::jsonb) AS r(id int, version int, v jsonb, lon float8, lat float8)
WHERE t.id = r.id AND t.version = r.version
RETURNING t.id
