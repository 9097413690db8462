-- Serialises sign-in attempts on one account and from one address until the end of the
-- transaction, so counting and recording an attempt (login_attempt_reserve.sql) is one
-- step for parallel requests. Always the account first, then the address: two
-- attempts never wait for each other in a cycle. $1 e-mail, $2 address.
SELECT pg_advisory_xact_lock(hashtextextended('login account ' || $1::text, 0)),
       pg_advisory_xact_lock(hashtextextended('login address ' || $2::text, 0))
