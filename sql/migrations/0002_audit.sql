-- The audit log: every change (who, when, what, before and after), written in the
-- same transaction as the change, plus reads of restricted units' exact locations
-- and bulk exports of contact data. No API route updates or deletes it, and the
-- trigger below refuses UPDATE and DELETE even from SQL run by the application.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  user_id     integer REFERENCES users(id) ON DELETE SET NULL,
  user_email  text,
  action      text NOT NULL CHECK (action IN ('create','update','delete','read_exact','export','import','login','logout','purge')),
  entity      text NOT NULL CHECK (entity <> ''),
  entity_id   text,
  before      jsonb,
  after       jsonb,
  details     jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

CREATE FUNCTION ps_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION ps_audit_append_only();
