-- Base data import, one chunk of areas. $1 a JSON array (text) of {ty osm_type, id, k kind, c class, n name, t tags, g: hex WKB MultiPolygon}.
-- An invalid ring (self-touching outlines are common in OSM) is repaired to its polygonal part; a row with nothing left is not stored.
INSERT INTO base_areas (osm_type, osm_id, kind, class, name, tags, geom)
SELECT s.ty, s.id, s.k, s.c, s.n, s.t, v.geom
FROM (
  SELECT r.ty, r.id, r.k, r.c, r.n, r.t, ST_GeomFromWKB(decode(r.g, 'hex'), 4326) AS g0
  FROM jsonb_to_recordset($1::jsonb) AS r(ty text, id bigint, k text, c text, n text, t jsonb, g text)
) s
CROSS JOIN LATERAL (
  SELECT ST_Multi(CASE WHEN (ST_IsValidDetail(s.g0)).valid THEN s.g0 ELSE ST_CollectionExtract(ST_MakeValid(s.g0), 3) END) AS geom
) v
WHERE NOT ST_IsEmpty(v.geom)
