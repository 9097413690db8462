-- Serialises the sign-ins of one provider identity until the end of the transaction, so
-- two first sign-ins at once make one account: the second finds the first's. $1 issuer, $2 subject.
SELECT pg_advisory_xact_lock(hashtextextended('oidc identity ' || $1::text || ' ' || $2::text, 0))
