-- Validity of one imported area polygon ($1, GeoJSON text) and, when it is not valid,
-- its repair: ST_MakeValid keeping only the polygonal parts, as a MultiPolygon rounded
-- to 7 decimals (the precision imports store). Simplified open data (the city's areas,
-- simplified 15 m) has a few slivers and self-touching rings.
SELECT ST_IsValid(g) AS valid,
       ST_IsValidReason(g) AS reason,
       CASE WHEN ST_IsValid(g) THEN NULL
            ELSE ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)), 7)::json END AS repaired
FROM (SELECT ST_GeomFromGeoJSON($1::text) AS g) AS input
