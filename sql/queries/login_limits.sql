-- Failed sign-ins inside the window: per account (counted since its last success, so
-- signing in resets it) and per client address. Also when each lock ends: the oldest
-- counted failure leaving the window, in whole seconds from now.
-- $1 e-mail, $2 address, $3 now, $4 window (minutes).
WITH win AS (
  -- the start of the sliding window
  SELECT $3::timestamptz - make_interval(mins => $4::int) AS since
), last_ok AS (
  -- the account's last successful sign-in inside the window, if any
  SELECT COALESCE(max(a.at), '-infinity'::timestamptz) AS at
  FROM login_attempts a, win
  WHERE a.email = $1 AND a.success AND a.at > win.since
), account AS (
  -- the account's failures since then
  SELECT count(*)::int AS n, min(a.at) AS oldest
  FROM login_attempts a, win, last_ok
  WHERE a.email = $1 AND NOT a.success AND a.at > GREATEST(win.since, last_ok.at)
), address AS (
  -- the address's failures, whatever the account
  SELECT count(*)::int AS n, min(a.at) AS oldest
  FROM login_attempts a, win
  WHERE a.address = $2 AND NOT a.success AND a.at > win.since
)
SELECT account.n AS account_failures,
       GREATEST(1, ceil(extract(epoch FROM account.oldest + make_interval(mins => $4::int) - $3::timestamptz)))::int AS account_retry_s,
       address.n AS address_failures,
       GREATEST(1, ceil(extract(epoch FROM address.oldest + make_interval(mins => $4::int) - $3::timestamptz)))::int AS address_retry_s
FROM account, address
