-- Loads actors and their nested `contact_persons` from a GeoJSON FeatureCollection ($1, text).
WITH src AS (
  -- one row per feature, with its properties
  SELECT f->'properties' AS p, f->>'geometry' AS g FROM jsonb_array_elements($1::jsonb->'features') f
), inserted AS (
  INSERT INTO actors (name, category, organisation, contact_about, address, phone, email, website, external_id, location)
  SELECT p->>'name', p->>'category', p->>'organisation', p->>'contact_about', p->>'address',
         p->>'phone', p->>'email', p->>'website', p->>'external_id',
         ST_SetSRID(ST_GeomFromGeoJSON(g), 4326)::geography
  FROM src
  RETURNING id, external_id
)
-- contact persons joined back to their new actor by external id
INSERT INTO contact_persons (actor_id, name, role, phone, email, note)
SELECT i.id, cp->>'name', cp->>'role', cp->>'phone', cp->>'email', cp->>'note'
FROM src
JOIN inserted i ON i.external_id = src.p->>'external_id'
CROSS JOIN LATERAL jsonb_array_elements(coalesce(src.p->'contact_persons', '[]'::jsonb)) cp
