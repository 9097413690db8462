-- The files of schema public's tables and indexes (the application's and PostGIS's),
-- named for an operator, so that a damaged file can be told by its table.
SELECT pg_relation_filepath(c.oid) AS path,
       CASE c.relkind WHEN 'i' THEN format('index "%s" of table "%s"', c.relname, t.relname)
                      ELSE format('table "%s"', c.relname) END AS relation
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_index i ON i.indexrelid = c.oid
LEFT JOIN pg_class t ON t.oid = i.indrelid
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i') AND pg_relation_filepath(c.oid) IS NOT NULL
