-- Base data import, one chunk of addresses. $1 a JSON array (text) of {ty osm_type, id, st street, hn housenumber, pc postcode, ci city, s search, x lon, y lat}.
INSERT INTO base_addresses (osm_type, osm_id, street, housenumber, postcode, city, search, geom)
SELECT r.ty, r.id, r.st, r.hn, r.pc, r.ci, r.s, ST_SetSRID(ST_MakePoint(r.x, r.y), 4326)
FROM jsonb_to_recordset($1::jsonb) AS r(ty text, id bigint, st text, hn text, pc text, ci text, s text, x float8, y float8)
