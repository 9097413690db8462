-- How many user accounts exist (none: the first administrator is created at start).
SELECT count(*)::int AS n FROM users
