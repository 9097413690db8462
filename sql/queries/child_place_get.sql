-- One child place. $1 id.
SELECT id, name, kind, stages, operator, address, external_id, contact_name, contact_role, contact_phone, contact_email,
       version, ST_AsGeoJSON(location::geometry, 7)::json AS geometry
FROM child_places WHERE id = $1
