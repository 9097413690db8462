-- Updates a chunk of areas from an import. $1 a JSON array (text) of {id, version: the version
-- read, v: the values, g: GeoJSON (Multi)Polygon}; $2 now. Only the fields the mapping supplies
-- (keys present in v) change. A row whose version is no longer the one read is left alone and
-- missing from the answer, which the caller treats as a conflict.
UPDATE areas t SET
  name = CASE WHEN (r.v -> 'name') IS NOT NULL THEN (r.v ->> 'name') ELSE t.name END,
  level = CASE WHEN (r.v -> 'level') IS NOT NULL THEN (r.v ->> 'level') ELSE t.level END,
  code = CASE WHEN (r.v -> 'code') IS NOT NULL THEN (r.v ->> 'code') ELSE t.code END,
  parent_name = CASE WHEN (r.v -> 'parent_name') IS NOT NULL THEN (r.v ->> 'parent_name') ELSE t.parent_name END,
  geom = ST_Multi(ST_GeomFromGeoJSON(r.g::text))::geography,
  version = t.version + 1,
  updated_at = $2::timestamptz
FROM jsonb_to_recordset($1::jsonb) AS r(id int, version int, v jsonb, g jsonb)
WHERE t.id = r.id AND t.version = r.version
RETURNING t.id
