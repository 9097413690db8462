-- Base data import, one chunk of points of interest. $1 a JSON array (text) of {ty osm_type, id, k key, v value, n name, t tags, x lon, y lat}.
INSERT INTO base_pois (osm_type, osm_id, key, value, name, tags, geom)
SELECT r.ty, r.id, r.k, r.v, r.n, r.t, ST_SetSRID(ST_MakePoint(r.x, r.y), 4326)
FROM jsonb_to_recordset($1::jsonb) AS r(ty text, id bigint, k text, v text, n text, t jsonb, x float8, y float8)
