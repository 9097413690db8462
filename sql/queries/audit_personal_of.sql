-- The personal values held for a set of audit entries, to put back into them on
-- reading. $1 entry ids (jsonb text: an array of integers).
SELECT audit_id::int AS audit_id, contact_person_id, side, "values"
FROM audit_personal
WHERE audit_id IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint)
