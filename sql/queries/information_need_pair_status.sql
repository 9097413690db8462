-- The information status of unit $1 with each child place in $2 (jsonb array of ids) at $3.
SELECT x::int AS child_place_id, i.status,
       ps_iso(i.last_informed_at) AS last_informed_at, ps_iso(i.due_at) AS due_at
FROM jsonb_array_elements_text($2::jsonb) x
CROSS JOIN LATERAL ps_information($1::int, x::int, $3::timestamptz) i
ORDER BY 1
