-- Audit entries that mention one contact person: about the record itself, or naming
-- its id as a contact person inside an entry about something else (such as its actor,
-- whose contact persons sit at the top or in `properties` of a GeoJSON Feature).
-- The personal values held apart (audit_personal) are put back by the caller.
-- $1 id (int), $2 the same id as text.
SELECT id::int AS id, ps_iso(at) AS at, user_email, action, entity, entity_id, before, after, details
FROM audit_log
WHERE (entity = 'contact_person' AND entity_id = $2)
   OR jsonb_path_exists(COALESCE(before, 'null'::jsonb), '$ ? (exists(@.contact_persons[*] ? (@.id == $id)) || exists(@.properties.contact_persons[*] ? (@.id == $id)))', jsonb_build_object('id', $1::int))
   OR jsonb_path_exists(COALESCE(after, 'null'::jsonb), '$ ? (exists(@.contact_persons[*] ? (@.id == $id)) || exists(@.properties.contact_persons[*] ? (@.id == $id)))', jsonb_build_object('id', $1::int))
   OR jsonb_path_exists(COALESCE(details, 'null'::jsonb), '$.contact_person_ids[*] ? (@ == $id)', jsonb_build_object('id', $1::int))
ORDER BY at, id
