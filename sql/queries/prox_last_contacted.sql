-- When each of a list of actors was last contacted: the date of the latest activity
-- linked to it (activity_actors), at any unit. Only a date leaves this query, never the
-- unit or its location, and the links of an activity are shown to every role by
-- activity_list.sql as well, so a restricted unit's exact location cannot be read from it.
-- Answered by activity_actors_actor_idx. $1 actor ids (comma list).
SELECT aa.actor_id, to_char(max(a.activity_date), 'YYYY-MM-DD') AS last_contacted_at
FROM activity_actors aa
JOIN activities a ON a.id = aa.activity_id
WHERE aa.actor_id = ANY (string_to_array($1::text, ',')::int[])
GROUP BY aa.actor_id
