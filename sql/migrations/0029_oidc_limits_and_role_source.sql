-- The client address a sign-in under way came from, so GET /api/auth/oidc/start can cap
-- the live ones per address (DEFAULTS.oidcStartsPerAddress) and nobody can fill the table.
-- Rows of before this migration carry '' and expire within DEFAULTS.oidcLoginMinutes.
ALTER TABLE oidc_logins ADD COLUMN address text NOT NULL DEFAULT '' CHECK (length(address) <= 100);
CREATE INDEX oidc_logins_address_idx ON oidc_logins (address, created_at);

-- Who decides the role of an account tied to a provider identity:
--   local    an account that existed before it was tied: administrators alone, never a sign-in;
--   groups   made by the provider at its first sign-in: every sign-in sets the role its claim
--            values map to, and with none the account waits (inactive) until one does;
--   override made by the provider, then changed by an administrator by hand (role or enabled):
--            that holds while no value maps; the next sign-in at which one does makes it groups again.
ALTER TABLE user_identities ADD COLUMN role_source text NOT NULL DEFAULT 'local'
  CHECK (role_source IN ('local', 'groups', 'override'));

-- Accounts made by a first sign-in (audited as their own creation, method oidc) follow the
-- groups; those an administrator has since changed keep what the administrator chose.
UPDATE user_identities i
SET role_source = CASE
  WHEN EXISTS (
    SELECT 1 FROM audit_log a
    WHERE a.entity = 'user' AND a.action = 'update' AND a.entity_id = i.user_id::text
      AND a.user_id IS DISTINCT FROM i.user_id AND a.before IS NOT NULL
      AND (a.before->'role' IS DISTINCT FROM a.after->'role' OR a.before->'active' IS DISTINCT FROM a.after->'active')
  ) THEN 'override'
  ELSE 'groups' END
WHERE EXISTS (
  SELECT 1 FROM audit_log a
  WHERE a.entity = 'user' AND a.action = 'create' AND a.entity_id = i.user_id::text AND a.details->>'method' = 'oidc'
);
