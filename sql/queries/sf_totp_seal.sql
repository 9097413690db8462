-- Replaces a plain-text TOTP secret (written before secrets were encrypted) by its sealed
-- form, only while it is still that value (a new enrolment meanwhile is kept).
-- $1 user id, $2 the plain-text secret read, $3 the sealed secret.
UPDATE totp_factors SET secret = $3 WHERE user_id = $1 AND secret = $2 RETURNING user_id
