-- The evaluator of OGC API – Features Part 3 filters: a CQL2-JSON expression, already
-- parsed and checked against the collection's queryables by api/ogc/ (so every
-- property exists and every literal has the property's type), judged against one
-- feature's properties (as shown to the caller) and geometry. SQL's three-valued logic:
-- a comparison with a missing property is unknown, and only true rows match.
-- The statements stay fixed text; the filter travels as one jsonb parameter.

-- One comparison of a property's JSON value with a literal, typed by the literal.
CREATE FUNCTION ps_cql2_compare(op text, v jsonb, lit jsonb) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  c integer;
BEGIN
  IF v IS NULL OR v = 'null'::jsonb THEN RETURN NULL; END IF;
  IF jsonb_typeof(lit) = 'number' THEN
    c := sign((v #>> '{}')::float8 - (lit #>> '{}')::float8)::int;
  ELSIF jsonb_typeof(lit) = 'boolean' THEN
    c := CASE WHEN (v #>> '{}')::boolean = (lit #>> '{}')::boolean THEN 0 WHEN (v #>> '{}')::boolean THEN 1 ELSE -1 END;
  ELSIF jsonb_typeof(lit) = 'object' AND lit ? 'timestamp' THEN
    c := CASE WHEN (v #>> '{}')::timestamptz = (lit ->> 'timestamp')::timestamptz THEN 0
              WHEN (v #>> '{}')::timestamptz > (lit ->> 'timestamp')::timestamptz THEN 1 ELSE -1 END;
  ELSIF jsonb_typeof(lit) = 'object' AND lit ? 'date' THEN
    c := CASE WHEN (v #>> '{}')::timestamptz::date = (lit ->> 'date')::date THEN 0
              WHEN (v #>> '{}')::timestamptz::date > (lit ->> 'date')::date THEN 1 ELSE -1 END;
  ELSE
    -- text compares by code point (COLLATE "C"), the same on every server and locale
    c := CASE WHEN (v #>> '{}') = (lit #>> '{}') THEN 0 WHEN (v #>> '{}') COLLATE "C" > (lit #>> '{}') COLLATE "C" THEN 1 ELSE -1 END;
  END IF;
  RETURN CASE op WHEN '=' THEN c = 0 WHEN '<>' THEN c <> 0 WHEN '<' THEN c < 0 WHEN '<=' THEN c <= 0 WHEN '>' THEN c > 0 WHEN '>=' THEN c >= 0 END;
END
$$;

CREATE FUNCTION ps_cql2(e jsonb, props jsonb, g geometry) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  op   text := e ->> 'op';
  args jsonb := e -> 'args';
  v    jsonb;
  r    boolean;
  acc  boolean;
  item jsonb;
BEGIN
  IF op IN ('and', 'or') THEN
    acc := (op = 'and');
    FOR item IN SELECT x FROM jsonb_array_elements(args) AS t(x) LOOP
      r := ps_cql2(item, props, g);
      IF r IS NULL THEN acc := NULL;
      ELSIF r <> (op = 'and') THEN RETURN r;
      END IF;
    END LOOP;
    RETURN acc;
  ELSIF op = 'not' THEN
    RETURN NOT ps_cql2(args -> 0, props, g);
  ELSIF op = 's_intersects' THEN
    item := args -> 1;
    IF item ? 'bbox' THEN
      RETURN ST_Intersects(g, ST_MakeEnvelope((item #>> '{bbox,0}')::float8, (item #>> '{bbox,1}')::float8,
                                              (item #>> '{bbox,2}')::float8, (item #>> '{bbox,3}')::float8, 4326));
    END IF;
    RETURN ST_Intersects(g, ST_SetSRID(ST_GeomFromGeoJSON(item::text), 4326));
  END IF;

  v := props -> (args #>> '{0,property}');
  IF op = 'isNull' THEN
    RETURN v IS NULL OR v = 'null'::jsonb;
  ELSIF op IN ('=', '<>', '<', '<=', '>', '>=') THEN
    RETURN ps_cql2_compare(op, v, args -> 1);
  ELSIF op = 'like' THEN
    IF v IS NULL OR v = 'null'::jsonb THEN RETURN NULL; END IF;
    RETURN (v #>> '{}') LIKE (args #>> '{1}');
  ELSIF op = 'between' THEN
    IF v IS NULL OR v = 'null'::jsonb THEN RETURN NULL; END IF;
    RETURN (v #>> '{}')::float8 BETWEEN (args #>> '{1}')::float8 AND (args #>> '{2}')::float8;
  ELSIF op = 'in' THEN
    acc := false;
    FOR item IN SELECT x FROM jsonb_array_elements(args -> 1) AS t(x) LOOP
      r := ps_cql2_compare('=', v, item);
      IF r THEN RETURN true; END IF;
      IF r IS NULL THEN acc := NULL; END IF;
    END LOOP;
    RETURN acc;
  END IF;
  RAISE EXCEPTION 'ps_cql2: unknown operator %', op USING ERRCODE = 'data_exception';
END
$$;

-- Each OGC collection's feature properties, in one place: the answers build them and a
-- filter judges them, so a filter sees exactly what the caller is shown (a restricted
-- unit's address is not there to be probed by LIKE when the caller sees it coarsely).
CREATE FUNCTION ps_ogc_unit_properties(u units, coarse boolean) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'name', u.name, 'kind', u.kind, 'status', u.status,
    'address', CASE WHEN coarse THEN NULL ELSE u.address END,
    'places', u.places, 'operator', u.operator,
    'contact_name', u.contact_name, 'contact_phone', u.contact_phone, 'contact_email', u.contact_email, 'contact_hours', u.contact_hours,
    'sensitivity', u.sensitivity, 'location_precision', CASE WHEN coarse THEN 'coarse' ELSE 'exact' END,
    'external_id', u.external_id, 'updated_at', ps_iso(u.updated_at))
$$;

CREATE FUNCTION ps_ogc_actor_properties(a actors) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'name', a.name, 'category', a.category, 'organisation', a.organisation, 'contact_about', a.contact_about,
    'address', a.address, 'phone', a.phone, 'email', a.email, 'website', a.website,
    'external_id', a.external_id, 'updated_at', ps_iso(a.updated_at))
$$;

CREATE FUNCTION ps_ogc_child_place_properties(c child_places) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'name', c.name, 'kind', c.kind, 'stages', array_to_string(c.stages, ','), 'operator', c.operator, 'address', c.address,
    'contact_name', c.contact_name, 'contact_role', c.contact_role, 'contact_phone', c.contact_phone, 'contact_email', c.contact_email,
    'external_id', c.external_id, 'updated_at', ps_iso(c.updated_at))
$$;

CREATE FUNCTION ps_ogc_area_properties(a areas) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'name', a.name, 'level', a.level, 'code', a.code, 'parent_name', a.parent_name,
    'external_id', a.external_id, 'updated_at', ps_iso(a.updated_at))
$$;
