-- One demo activity ($1, jsonb text, see data/demoOutreach.ts), dated $2::date minus
-- its days_ago, snapshotting its unit as the activity log does. Returns the new id.
INSERT INTO activities (unit_id, kind, activity_date, organisations, note, location, responsible_actor_id,
                        due_date, follow_up_status, unit_location, unit_places, unit_status, unit_reopen_count,
                        recorded_by_name, created_at, updated_at)
SELECT u.id, a->>'kind', $2::date - (a->>'days_ago')::int,
       ARRAY(SELECT jsonb_array_elements_text(a->'organisations')), a->>'note',
       CASE WHEN a ? 'finding' THEN ST_SetSRID(ST_MakePoint((a->'finding'->>'lon')::float8, (a->'finding'->>'lat')::float8), 4326)::geography END,
       (SELECT id FROM actors WHERE external_id = a->'finding'->>'responsible'),
       CASE WHEN a ? 'finding' THEN $2::date + (a->'finding'->>'due_in_days')::int END,
       a->'finding'->>'status',
       u.location, u.places, u.status, 0, 'Demodata', $3::timestamptz, $3::timestamptz
FROM (SELECT $1::jsonb AS a) input
JOIN units u ON u.external_id = a->>'unit'
RETURNING id
