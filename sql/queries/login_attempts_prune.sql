-- Forgets failed sign-in attempts older than a day (no limit looks further back) and
-- successful ones older than the days an address stays known. $1 now, $2 those days.
DELETE FROM login_attempts
WHERE at < $1::timestamptz - interval '1 day'
  AND (success IS NOT TRUE OR at < $1::timestamptz - make_interval(days => $2::int))
