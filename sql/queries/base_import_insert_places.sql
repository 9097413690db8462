-- Base data import, one chunk of place names. $1 a JSON array (text) of {ty osm_type, id, c class, n name, t tags, x lon, y lat}.
INSERT INTO base_places (osm_type, osm_id, class, name, tags, geom)
SELECT r.ty, r.id, r.c, r.n, r.t, ST_SetSRID(ST_MakePoint(r.x, r.y), 4326)
FROM jsonb_to_recordset($1::jsonb) AS r(ty text, id bigint, c text, n text, t jsonb, x float8, y float8)
