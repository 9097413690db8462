-- OpenID Connect sign-in (issue 18). An account signed in with a provider is found again
-- by the provider's issuer and the subject it gives the person, never by e-mail alone: an
-- e-mail can change hands at the provider, the subject cannot. One provider identity per
-- account.
CREATE TABLE user_identities (
  issuer     text NOT NULL CHECK (issuer <> '' AND length(issuer) <= 500),
  subject    text NOT NULL CHECK (subject <> '' AND length(subject) <= 255),
  user_id    integer NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject)
);

-- A sign-in under way at the provider: the state, nonce and PKCE verifier of one
-- authorization request, kept here rather than in the browser so the browser holds only
-- a random key (its hash is the primary key). Taken and deleted by the callback, so each
-- is used once; rows older than DEFAULTS.oidcLoginMinutes are refused and swept.
CREATE TABLE oidc_logins (
  key_hash      text PRIMARY KEY,
  state         text NOT NULL CHECK (length(state) <= 200),
  nonce         text NOT NULL CHECK (length(nonce) <= 200),
  code_verifier text NOT NULL CHECK (length(code_verifier) <= 200),
  created_at    timestamptz NOT NULL
);
CREATE INDEX oidc_logins_created_idx ON oidc_logins (created_at);

-- The ID token a session was opened with, the hint a provider wants when the user signs
-- out there too (RP-initiated logout). Never leaves the server; gone with the session.
ALTER TABLE sessions ADD COLUMN id_token text CHECK (length(id_token) <= 8000);

-- Which claim values (groups or roles at the provider) give which role at first sign-in,
-- edited by administrators (PUT /api/settings/oidc-role-mappings). Empty: every new
-- account waits for an administrator.
INSERT INTO settings (key, value) VALUES ('oidc_role_mappings', '[]') ON CONFLICT (key) DO NOTHING;
