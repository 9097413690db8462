-- One audit entry. $1 at, $2 user id, $3 user e-mail, $4 action, $5 entity, $6 entity id,
-- $7 before (jsonb text), $8 after (jsonb text), $9 details (jsonb text).
INSERT INTO audit_log (at, user_id, user_email, action, entity, entity_id, before, after, details)
VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb)
