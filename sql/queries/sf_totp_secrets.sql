-- Every stored TOTP secret with its owner, for the check at start (one row per account
-- with an authenticator app: as many as there are staff, read once per start).
SELECT user_id, secret FROM totp_factors ORDER BY user_id
