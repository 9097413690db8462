-- One or two work contacts per actor (none for every fifth), derived from the id so
-- the data stays deterministic: the contacts endpoint aggregates them per actor.
INSERT INTO contact_persons (actor_id, name, role, phone, email)
SELECT a.id, 'Kontakt ' || a.id || '-' || n, 'Kontaktperson', '031-' || lpad((a.id % 1000000)::text, 6, '0'),
       'kontakt' || a.id || '-' || n || '@bench.example.se'
FROM actors a
CROSS JOIN generate_series(1, 2) AS n
WHERE a.id % 5 <> 0 AND (n = 1 OR a.id % 3 = 0)
