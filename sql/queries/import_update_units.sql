-- Updates a chunk of units from an import. $1 a JSON array (text) of {id, version: the version
-- read, v: the values, lon, lat}; $2 now. Only the fields the mapping supplies (keys present in v)
-- change: jsonb_populate_record over the row itself takes a present key's value and keeps the
-- column's own value for an absent one. status, sensitivity and radii are
-- never touched (so no reopening is counted). A row whose version is no longer the one read is
-- left alone and missing from the answer, which the caller treats as a conflict.
UPDATE units t SET
  (name, kind, address, operator, places) =
    (SELECT n.name, n.kind, n.address, n.operator, n.places FROM jsonb_populate_record(t, r.v) n),
  location = ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography,
  version = t.version + 1,
  updated_at = $2::timestamptz
FROM jsonb_to_recordset($1::jsonb) AS r(id int, version int, v jsonb, lon float8, lat float8)
WHERE t.id = r.id AND t.version = r.version
RETURNING t.id
