-- Forgets sign-in attempts older than a day: no limit looks further back. $1 now.
DELETE FROM login_attempts WHERE at < $1::timestamptz - interval '1 day'
