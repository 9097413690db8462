-- A sign-in under way at the provider, when its client address has fewer than $8 live
-- ones (begun within $6 minutes before $5). Run after oidc_start_lock.sql in the same
-- transaction, so parallel starts from one address count one another.
-- $1 hash of the browser's key, $2 state, $3 nonce, $4 PKCE code verifier, $5 now,
-- $6 minutes a sign-in lives, $7 client address, $8 most live sign-ins per address.
-- Returns whether it was stored and, when not, the seconds until the address's oldest expires.
WITH swept AS (
  -- expired sign-ins of every address: the table holds only live attempts
  DELETE FROM oidc_logins WHERE created_at < $5::timestamptz - make_interval(mins => $6::int)
), live AS (
  -- the address's live sign-ins (the sweep above is not visible here, hence the bound)
  SELECT count(*)::int AS n, min(created_at) AS oldest
  FROM oidc_logins
  WHERE address = $7 AND created_at >= $5::timestamptz - make_interval(mins => $6::int)
), put AS (
  INSERT INTO oidc_logins (key_hash, state, nonce, code_verifier, created_at, address)
  SELECT $1, $2, $3, $4, $5::timestamptz, $7 FROM live WHERE live.n < $8::int
  RETURNING key_hash
)
SELECT EXISTS (SELECT 1 FROM put) AS stored,
       GREATEST(1, ceil(extract(epoch FROM live.oldest + make_interval(mins => $6::int) - $5::timestamptz)))::int AS retry_s
FROM live
