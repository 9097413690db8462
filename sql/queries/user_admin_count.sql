-- How many active administrators there are (there must always be one).
SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active
