-- The stored (not generated) columns of one table, in order, and which are identity columns. $1 table name.
SELECT a.attname AS name, a.attidentity <> '' AS is_identity
FROM pg_attribute a
WHERE a.attrelid = ('public.' || quote_ident($1))::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
ORDER BY a.attnum
