-- User accounts without their password hashes; all, or one ($1). role_source: who decides
-- the role (local: administrators; groups: the work account's groups at each sign-in;
-- override: an administrator, until a sign-in's groups map to a role); waiting: made by a
-- sign-in whose groups mapped to no role, not let in yet.
SELECT u.id, u.email, u.name, u.role, u.active, u.must_change_password, u.version,
       ps_iso(u.created_at) AS created_at, ps_iso(u.updated_at) AS updated_at,
       COALESCE(i.role_source, 'local') AS role_source,
       (i.role_source = 'groups' AND NOT u.active) IS TRUE AS waiting
FROM users u LEFT JOIN user_identities i ON i.user_id = u.id
WHERE ($1::int IS NULL OR u.id = $1::int)
ORDER BY u.email, u.id
