-- Inserts one activity of unit $1, snapshotting the unit's location, places, status
-- and reopening count (the information rules compare them with the unit later).
-- $2 kind, $3 date, $4 organisations (jsonb array of text), $5 note, $6/$7 location
-- lon/lat (NULL: none), $8 responsible actor, $9 due date, $10 follow-up status,
-- $11 recorded-by user id, $12 recorded-by name, $13 now.
INSERT INTO activities (unit_id, kind, activity_date, organisations, note, location,
                        responsible_actor_id, due_date, follow_up_status,
                        unit_location, unit_places, unit_status, unit_reopen_count,
                        recorded_by_id, recorded_by_name, created_at, updated_at)
SELECT u.id, $2::text, $3::date,
       ARRAY(SELECT jsonb_array_elements_text($4::jsonb)),
       $5::text,
       ST_SetSRID(ST_MakePoint($6::float8, $7::float8), 4326)::geography,
       $8::int, $9::date, $10::text,
       u.location, u.places, u.status, COALESCE(r.reopen_count, 0),
       $11::int, $12::text, $13::timestamptz, $13::timestamptz
FROM units u
LEFT JOIN unit_reopenings r ON r.unit_id = u.id
WHERE u.id = $1::int
RETURNING id
