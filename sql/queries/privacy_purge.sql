-- Deletes contact persons inactive for longer than the retention. $1 now, $2 retention (days).
DELETE FROM contact_persons
WHERE NOT active AND inactivated_at < $1::timestamptz - make_interval(days => $2::int)
RETURNING id, actor_id, ps_iso(inactivated_at) AS inactivated_at
