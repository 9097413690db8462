-- One contact person, active or not (api/services/records.ts decides who sees an inactive one). $1 id.
SELECT id, actor_id, name, role, phone, email, note, active, version FROM contact_persons WHERE id = $1
