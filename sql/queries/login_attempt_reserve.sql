-- Decides whether a sign-in attempt may check its password and, if so, records it as
-- pending (success NULL) in the same statement, so it counts against the limits of
-- every attempt after it. Pending attempts count as failures. Refused attempts are
-- not recorded. Run after login_lock.sql in the same transaction.
-- Ordering by id, not time: ids follow the order in which attempts were reserved.
-- $1 e-mail, $2 address, $3 now, $4 window (minutes), $5 most failures per account,
-- $6 most failures per address, $7 failures per pair before delays begin,
-- $8 first delay (seconds), $9 longest delay (seconds), $10 days an address stays known.
WITH win AS (
  -- the start of the sliding window
  SELECT $3::timestamptz - make_interval(mins => $4::int) AS since
), account_ok AS (
  -- the account's last successful sign-in inside the window, from any address
  SELECT COALESCE(max(a.id), 0) AS id
  FROM login_attempts a, win
  WHERE a.email = $1 AND a.success AND a.at > win.since
), pair_ok AS (
  -- the pair's last successful sign-in inside the window
  SELECT COALESCE(max(a.id), 0) AS id
  FROM login_attempts a, win
  WHERE a.email = $1 AND a.address = $2 AND a.success AND a.at > win.since
), known AS (
  -- whether the account has signed in from this address lately: its owner, most likely
  SELECT EXISTS (
    SELECT 1 FROM login_attempts a
    WHERE a.email = $1 AND a.address = $2 AND a.success AND a.at > $3::timestamptz - make_interval(days => $10::int)
  ) AS yes
), account AS (
  -- the account's failures (and pending attempts) since its last success
  SELECT count(*)::int AS n, min(a.at) AS oldest
  FROM login_attempts a, win, account_ok
  WHERE a.email = $1 AND a.success IS NOT TRUE AND a.at > win.since AND a.id > account_ok.id
), address AS (
  -- the address's failures (and pending attempts), whatever the account
  SELECT count(*)::int AS n, min(a.at) AS oldest
  FROM login_attempts a, win
  WHERE a.address = $2 AND a.success IS NOT TRUE AND a.at > win.since
), pair AS (
  -- the pair's failures (and pending attempts) since its last success, and the latest
  SELECT count(*)::int AS n, max(a.at) AS latest
  FROM login_attempts a, win, pair_ok
  WHERE a.email = $1 AND a.address = $2 AND a.success IS NOT TRUE AND a.at > win.since AND a.id > pair_ok.id
), waits AS (
  -- seconds until each limit lets the next attempt through (0 or less: it does now)
  SELECT
    CASE WHEN address.n >= $6 THEN extract(epoch FROM address.oldest + make_interval(mins => $4::int) - $3::timestamptz) ELSE 0 END AS address_s,
    CASE WHEN account.n >= $5 AND NOT known.yes THEN extract(epoch FROM account.oldest + make_interval(mins => $4::int) - $3::timestamptz) ELSE 0 END AS account_s,
    CASE WHEN pair.n >= $7
      THEN extract(epoch FROM pair.latest + make_interval(secs => LEAST($9::float8, $8::float8 * power(2, pair.n - $7::int))) - $3::timestamptz)
      ELSE 0 END AS pair_s
  FROM account, address, pair, known
), verdict AS (
  -- the first limit that refuses, and how long it does
  SELECT CASE WHEN address_s > 0 THEN 'address' WHEN account_s > 0 THEN 'account' WHEN pair_s > 0 THEN 'pair' END AS refused_by,
         GREATEST(1, ceil(GREATEST(address_s, account_s, pair_s)))::int AS retry_s
  FROM waits
), reserved AS (
  -- the attempt, recorded as pending when no limit refuses it
  INSERT INTO login_attempts (at, email, address, success)
  SELECT $3::timestamptz, $1, $2, NULL FROM verdict WHERE refused_by IS NULL
  RETURNING id
)
SELECT reserved.id, verdict.refused_by, verdict.retry_s
FROM verdict LEFT JOIN reserved ON true
