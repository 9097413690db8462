-- Ties a provider identity to an account. $1 issuer, $2 subject, $3 user id, $4 now.
INSERT INTO user_identities (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4::timestamptz)
