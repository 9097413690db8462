-- The configured retention of inactive contact persons (days), if an administrator set one.
SELECT (value #>> '{}')::int AS days FROM settings WHERE key = 'contact_person_retention_days'
