-- Contact persons' personal values in the audit trail, held apart from the log so
-- that a purge can erase a person without changing the append-only log. The log
-- keeps every entry with the person's id and '[raderad]' in place of each value;
-- this table holds the values (one row per entry, person and side) until the person
-- is purged. Reads of the log put the values back while they exist.
CREATE TABLE audit_personal (
  audit_id          bigint NOT NULL REFERENCES audit_log(id),
  -- no foreign key: the values outlive a deleted person until the purge
  contact_person_id integer NOT NULL,
  side              text NOT NULL CHECK (side IN ('before','after')),
  "values"          jsonb NOT NULL CHECK (jsonb_typeof("values") = 'object'),
  PRIMARY KEY (audit_id, contact_person_id, side)
);
CREATE INDEX audit_personal_person_idx ON audit_personal (contact_person_id);

-- Rows are never changed, and deleted only once their contact person is gone (the
-- purge deletes the person first, in the same transaction).
CREATE FUNCTION ps_audit_personal_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'audit_personal is append-only: its rows are deleted only when their contact person is purged';
  END IF;
  IF EXISTS (SELECT 1 FROM contact_persons WHERE id = OLD.contact_person_id) THEN
    RAISE EXCEPTION 'audit values of contact person % are kept while the person exists', OLD.contact_person_id;
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER audit_personal_guard BEFORE UPDATE OR DELETE ON audit_personal
  FOR EACH ROW EXECUTE FUNCTION ps_audit_personal_guard();

-- Existing entries: a contact person's personal fields (name, role, phone, e-mail,
-- note; the list in api/services/audit.ts) sit at the top of an entry about the
-- person, or in the `contact_persons` list of an entry about its actor (at the top,
-- or in `properties` of the actor as a GeoJSON Feature).
CREATE FUNCTION pg_temp.personal_part(d jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
  FROM jsonb_each(CASE WHEN jsonb_typeof(d) = 'object' THEN d ELSE '{}'::jsonb END)
  WHERE key IN ('name','role','phone','email','note') AND jsonb_typeof(value) <> 'null' AND value <> '"[raderad]"'::jsonb
$$;
CREATE FUNCTION pg_temp.erased(d jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(d) = 'object'
    THEN d || coalesce((SELECT jsonb_object_agg(key, '"[raderad]"'::jsonb) FROM jsonb_each(pg_temp.personal_part(d))), '{}'::jsonb)
    ELSE d END
$$;
CREATE FUNCTION pg_temp.erased_list(d jsonb, path text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(d #> path) = 'array' THEN jsonb_set(d, path,
    (SELECT coalesce(jsonb_agg(pg_temp.erased(e) ORDER BY n), '[]'::jsonb)
     FROM jsonb_array_elements(d #> path) WITH ORDINALITY AS x(e, n)))
  ELSE d END
$$;
CREATE FUNCTION pg_temp.erased_lists(d jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT pg_temp.erased_list(pg_temp.erased_list(d, '{contact_persons}'), '{properties,contact_persons}')
$$;

WITH sides AS (
  -- each entry's before and after, with which side it is
  SELECT id, entity, entity_id, 'before' AS side, before AS doc FROM audit_log WHERE jsonb_typeof(before) = 'object'
  UNION ALL
  SELECT id, entity, entity_id, 'after', after FROM audit_log WHERE jsonb_typeof(after) = 'object'
), persons AS (
  -- the person an entry is about
  SELECT id, side, entity_id::int AS person, pg_temp.personal_part(doc) AS vals
  FROM sides WHERE entity = 'contact_person' AND entity_id ~ '^[0-9]{1,9}$'
  UNION ALL
  -- the persons listed inside an entry about their actor
  SELECT s.id, s.side, (e->>'id')::int, pg_temp.personal_part(e)
  FROM sides s
  CROSS JOIN LATERAL (VALUES (s.doc->'contact_persons'), (s.doc#>'{properties,contact_persons}')) AS l(list)
  CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(l.list) = 'array' THEN l.list ELSE '[]'::jsonb END) e
  WHERE jsonb_typeof(e) = 'object' AND e->>'id' ~ '^[0-9]{1,9}$'
), purged AS (
  -- persons already purged: their values go without being kept
  SELECT DISTINCT entity_id::int AS person FROM audit_log
  WHERE action = 'purge' AND entity = 'contact_person' AND entity_id ~ '^[0-9]{1,9}$'
)
INSERT INTO audit_personal (audit_id, contact_person_id, side, "values")
SELECT DISTINCT ON (id, person, side) id, person, side, vals
FROM persons
WHERE vals <> '{}'::jsonb AND person NOT IN (SELECT person FROM purged)
ORDER BY id, person, side;

ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
UPDATE audit_log SET before = pg_temp.erased(before), after = pg_temp.erased(after)
WHERE entity = 'contact_person' AND (jsonb_typeof(before) = 'object' OR jsonb_typeof(after) = 'object');
UPDATE audit_log SET before = pg_temp.erased_lists(before), after = pg_temp.erased_lists(after)
WHERE jsonb_typeof(before) = 'object' OR jsonb_typeof(after) = 'object';
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
