-- All units (optionally one, $2), as rows ready for GeoJSON features.
-- $1: whether the caller may see exact locations of restricted units; when false,
-- restricted units get a coarse location (250 m grid) and no address.
SELECT u.id, u.name, u.kind, u.status,
       CASE WHEN ps_shows_coarse(u.sensitivity, $1::boolean) THEN NULL ELSE u.address END AS address,
       u.places, u.operator, u.description,
       u.contact_name, u.contact_phone, u.contact_email, u.contact_hours,
       u.r_immediate, u.r_neighbourhood, u.r_area, u.radii_custom,
       u.sensitivity, u.is_demo, u.external_id, u.version,
       ps_iso(u.created_at) AS created_at, ps_iso(u.updated_at) AS updated_at,
       ps_shows_coarse(u.sensitivity, $1::boolean) AS coarse,
       ST_AsGeoJSON(ps_visible_location(u.sensitivity, u.location, $1::boolean)::geometry, 7)::json AS geometry
FROM units_effective u
WHERE ($2::int IS NULL OR u.id = $2::int)
ORDER BY u.name, u.id
