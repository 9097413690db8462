-- Changes activity $1 if it still has version $2; the unit snapshot is kept.
-- $3 kind, $4 date, $5 organisations (jsonb array), $6 note, $7/$8 location lon/lat,
-- $9 responsible actor, $10 due date, $11 follow-up status, $12 now.
UPDATE activities
SET kind = $3::text, activity_date = $4::date,
    organisations = ARRAY(SELECT jsonb_array_elements_text($5::jsonb)),
    note = $6::text,
    location = ST_SetSRID(ST_MakePoint($7::float8, $8::float8), 4326)::geography,
    responsible_actor_id = $9::int, due_date = $10::date, follow_up_status = $11::text,
    version = version + 1, updated_at = $12::timestamptz
WHERE id = $1::int AND version = $2::int
RETURNING id
