-- The demo principles checklist ($1, jsonb text array), reviewed $2::date minus reviewed_days_ago.
INSERT INTO unit_principles (unit_id, principle, status, evidence, last_reviewed, updated_by, created_at, updated_at)
SELECT u.id, (p->>'principle')::smallint, p->>'status', p->>'evidence',
       $2::date - (p->>'reviewed_days_ago')::int, 'Demodata', $3::timestamptz, $3::timestamptz
FROM jsonb_array_elements($1::jsonb) p
JOIN units u ON u.external_id = p->>'unit'
