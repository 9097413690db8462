-- One actor with its active contact persons and the date of the latest activity linked to it
-- (last_contacted_at, as prox_last_contacted.sql: a date only, from any unit). $1 id.
SELECT a.id, a.name, a.category, a.organisation, a.contact_about, a.address, a.phone, a.email, a.website,
       a.external_id, a.version, ST_AsGeoJSON(a.location::geometry, 7)::json AS geometry,
       (SELECT coalesce(json_agg(json_build_object('id', cp.id, 'name', cp.name, 'role', cp.role,
                                                   'phone', cp.phone, 'email', cp.email) ORDER BY cp.id), '[]'::json)
        FROM contact_persons cp WHERE cp.actor_id = a.id AND cp.active) AS contact_persons,
       (SELECT to_char(max(act.activity_date), 'YYYY-MM-DD')
        FROM activity_actors aa JOIN activities act ON act.id = aa.activity_id
        WHERE aa.actor_id = a.id) AS last_contacted_at
FROM actors a
WHERE a.id = $1
