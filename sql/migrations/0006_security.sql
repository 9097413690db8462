-- Sign-in attempts, for rate limiting and lockout per account and per client address.
-- Kept in the database, not in the API process, so several processes serving the
-- same database enforce one limit. Rows older than a day are pruned at sign-in.
CREATE TABLE login_attempts (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      timestamptz NOT NULL,
  email   text NOT NULL CHECK (length(email) <= 320),
  address text NOT NULL CHECK (length(address) <= 100),
  success boolean NOT NULL
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, at);
CREATE INDEX login_attempts_address_idx ON login_attempts (address, at);
CREATE INDEX login_attempts_at_idx ON login_attempts (at);

-- Finding inactive contact persons due for purging after the retention period.
CREATE INDEX contact_persons_inactive_idx ON contact_persons (inactivated_at) WHERE NOT active;
