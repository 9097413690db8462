-- Serialises the starts of sign-ins from one client address until the end of the
-- transaction, so counting and storing one (oidc_login_put.sql) is one step. $1 address.
SELECT pg_advisory_xact_lock(hashtextextended('oidc start ' || $1::text, 0))
