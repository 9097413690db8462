-- The application's tables: ordinary tables in schema public that no extension owns
-- (PostGIS's spatial_ref_sys is not ours), with the tables each one references.
SELECT c.relname AS name,
       COALESCE((SELECT array_agg(DISTINCT r.relname::text)
                 FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid
                 WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid), '{}') AS refs
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'r'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY c.relname
