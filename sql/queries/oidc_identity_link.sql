-- Ties a provider identity to an account. $1 issuer, $2 subject, $3 user id, $4 now,
-- $5 who decides the role (local, groups). No row back: the identity or the account is
-- tied already (a sign-in that ran at the same time).
INSERT INTO user_identities (issuer, subject, user_id, created_at, role_source) VALUES ($1, $2, $3, $4::timestamptz, $5)
ON CONFLICT DO NOTHING
RETURNING user_id
