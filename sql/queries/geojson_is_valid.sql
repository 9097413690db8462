-- Validity of one GeoJSON geometry (text in $1), as the OGC rules define it: a
-- bow-tie or crossing rings are invalid. The caller treats a missing row as invalid.
SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason
FROM (SELECT ST_GeomFromGeoJSON($1::text) AS g) AS input
