-- The account of a provider identity, and who decides its role. $1 issuer, $2 subject.
SELECT u.id, u.email, u.name, u.role, u.active, u.must_change_password, i.role_source
FROM user_identities i JOIN users u ON u.id = i.user_id
WHERE i.issuer = $1 AND i.subject = $2
