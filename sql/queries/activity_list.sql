-- Activities with their actors, child places and responsible actor. Each filter is
-- ignored when NULL: $1 unit, $2 kind, $3 from date, $4 to date, $5 actor, $6 child
-- place, $10 activity id. $11 true: follow-ups only (observations and safety walks
-- with status $12, or open and in_progress when $12 is NULL), sorted by due date;
-- $13 true: overdue only. $9 is today by the clock (overdue = open or in progress
-- and due before today). $7 limit, $8 offset. `total` counts all matches. $14 false:
-- the caller lacks need-to-know, so at restricted units findings carry no location,
-- and the links that were checked against the unit's exact outer ring when recorded
-- (the child places of an information activity, the responsible actor) are named only
-- when they also lie inside the outer ring around the unit's coarse location: named
-- outside it, they would tell which side of its cell the unit is on.
-- picked: the matching activities with their overdue flag
WITH picked AS (
  SELECT a.*,
         COALESCE(a.follow_up_status IN ('open','in_progress') AND a.due_date < $9::date, false) AS overdue
  FROM activities a
  WHERE ($1::int IS NULL OR a.unit_id = $1::int)
    AND ($2::text IS NULL OR a.kind = $2::text)
    AND ($3::date IS NULL OR a.activity_date >= $3::date)
    AND ($4::date IS NULL OR a.activity_date <= $4::date)
    AND ($5::int IS NULL OR EXISTS (SELECT 1 FROM activity_actors aa WHERE aa.activity_id = a.id AND aa.actor_id = $5::int))
    AND ($6::int IS NULL OR EXISTS (SELECT 1 FROM activity_child_places ac WHERE ac.activity_id = a.id AND ac.child_place_id = $6::int))
    AND ($10::int IS NULL OR a.id = $10::int)
    AND (NOT $11::boolean OR (a.kind IN ('observation','safety_walk')
         AND ($12::text IS NULL AND a.follow_up_status IN ('open','in_progress') OR a.follow_up_status = $12::text)))
    AND (NOT $13::boolean OR (a.follow_up_status IN ('open','in_progress') AND a.due_date < $9::date))
)
SELECT p.id, p.unit_id, u.name AS unit_name, p.kind,
       to_char(p.activity_date, 'YYYY-MM-DD') AS date,
       COALESCE((SELECT json_agg(json_build_object('id', ac.id, 'name', ac.name) ORDER BY ac.name, ac.id)
                 FROM activity_actors aa JOIN actors ac ON ac.id = aa.actor_id
                 WHERE aa.activity_id = p.id), '[]'::json) AS actors,
       COALESCE((SELECT json_agg(json_build_object('id', cp.id, 'name', cp.name, 'kind', cp.kind) ORDER BY cp.name, cp.id)
                 FROM activity_child_places acp JOIN child_places cp ON cp.id = acp.child_place_id
                 WHERE acp.activity_id = p.id
                   AND (p.kind <> 'information' OR NOT ps_shows_coarse(u.sensitivity, $14::boolean)
                        OR ST_DWithin(cp.location, ps_visible_location(u.sensitivity, u.location, $14::boolean), u.r_area))), '[]'::json) AS child_places,
       p.organisations, p.note,
       CASE WHEN ps_shows_coarse(u.sensitivity, $14::boolean) THEN NULL
            ELSE ST_AsGeoJSON(p.location::geometry, 7)::json END AS location,
       CASE WHEN ra.id IS NULL THEN NULL ELSE json_build_object('id', ra.id, 'name', ra.name) END AS responsible_actor,
       to_char(p.due_date, 'YYYY-MM-DD') AS due_date,
       p.follow_up_status, p.overdue, p.recorded_by_name AS recorded_by, p.version,
       ps_iso(p.created_at) AS created_at, ps_iso(p.updated_at) AS updated_at,
       count(*) OVER ()::int AS total
FROM picked p
JOIN units_effective u ON u.id = p.unit_id
LEFT JOIN actors ra ON ra.id = p.responsible_actor_id
 AND (NOT ps_shows_coarse(u.sensitivity, $14::boolean)
      OR ST_DWithin(ra.location, ps_visible_location(u.sensitivity, u.location, $14::boolean), u.r_area))
ORDER BY CASE WHEN $11::boolean THEN p.due_date END ASC NULLS LAST,
         p.activity_date DESC, p.id DESC
LIMIT $7::int OFFSET $8::int
