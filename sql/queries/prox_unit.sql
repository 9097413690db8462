-- One unit's centre and effective radii, as the caller may see them.
-- $1 unit id; $2 whether the caller has need-to-know (exact location of restricted units).
-- A restricted unit seen without need-to-know is centred on its coarse location
-- (250 m grid), so nothing derived from it reveals the exact address.
SELECT u.id, u.name, u.status, u.r_immediate, u.r_neighbourhood, u.r_area,
       (u.sensitivity = 'restricted') AS restricted,
       ps_shows_coarse(u.sensitivity, $2::boolean) AS coarse
FROM units_effective u
WHERE u.id = $1::int
