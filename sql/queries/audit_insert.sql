-- One audit entry, with the personal values of the contact persons it mentions held
-- apart (audit_personal), in one statement. $1 at, $2 user id, $3 user e-mail,
-- $4 action, $5 entity, $6 entity id, $7 before (jsonb text), $8 after (jsonb text),
-- $9 details (jsonb text), $10 personal values (jsonb text: an array of
-- {"contact_person_id","side","values"}, [] when none).
WITH entry AS (
  -- the entry itself, as the log keeps it ('[raderad]' in place of personal values)
  INSERT INTO audit_log (at, user_id, user_email, action, entity, entity_id, before, after, details)
  VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb)
  RETURNING id
)
INSERT INTO audit_personal (audit_id, contact_person_id, side, "values")
SELECT entry.id, p.contact_person_id, p.side, p."values"
FROM entry
CROSS JOIN jsonb_to_recordset($10::jsonb) AS p(contact_person_id int, side text, "values" jsonb)
