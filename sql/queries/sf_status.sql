-- What second factor a user has: a confirmed TOTP factor (when), how many recovery codes
-- are unused, how many passkeys; and whether the setting second_factor_required_for
-- names the user's role. $1 user id.
SELECT
  (SELECT ps_iso(confirmed_at) FROM totp_factors WHERE user_id = u.id AND confirmed_at IS NOT NULL) AS totp_confirmed_at,
  (SELECT count(*)::int FROM recovery_codes WHERE user_id = u.id AND used_at IS NULL) AS recovery_codes_left,
  (SELECT count(*)::int FROM passkeys WHERE user_id = u.id) AS passkey_count,
  CASE (SELECT value #>> '{}' FROM settings WHERE key = 'second_factor_required_for')
    WHEN 'admin' THEN u.role = 'admin'
    WHEN 'editor' THEN u.role IN ('editor', 'admin')
    ELSE false
  END AS required
FROM users u WHERE u.id = $1
