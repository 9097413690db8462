-- One actor with its active contact persons. $1 id.
SELECT a.id, a.name, a.category, a.organisation, a.contact_about, a.address, a.phone, a.email, a.website,
       a.external_id, a.version, ST_AsGeoJSON(a.location::geometry, 7)::json AS geometry,
       (SELECT coalesce(json_agg(json_build_object('id', cp.id, 'name', cp.name, 'role', cp.role,
                                                   'phone', cp.phone, 'email', cp.email) ORDER BY cp.id), '[]'::json)
        FROM contact_persons cp WHERE cp.actor_id = a.id AND cp.active) AS contact_persons
FROM actors a
WHERE a.id = $1
