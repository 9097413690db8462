-- A sign-in attempt is recorded before its password is checked, as pending (success
-- NULL), so attempts running in parallel count one another; the check's outcome then
-- fills it in. A pending attempt counts as a failure until then.
ALTER TABLE login_attempts ALTER COLUMN success DROP NOT NULL;

-- The growing delay per account and address pair looks up that pair's recent attempts.
CREATE INDEX login_attempts_pair_idx ON login_attempts (email, address, id);
