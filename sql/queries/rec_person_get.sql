-- One contact person, active or not. $1 id.
SELECT id, actor_id, name, role, phone, email, note, active, version FROM contact_persons WHERE id = $1
