-- Base data import, one chunk of lines. $1 a JSON array (text) of {id, k kind, c class, n name, t tags, ids: node ids as an array literal '{1,2}', g: hex WKB LineString}.
INSERT INTO base_ways (osm_id, kind, class, name, tags, node_ids, geom)
SELECT r.id, r.k, r.c, r.n, r.t, r.ids::bigint[], ST_GeomFromWKB(decode(r.g, 'hex'), 4326)
FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, k text, c text, n text, t jsonb, ids text, g text)
