-- A user's new passkey. $1 user id, $2 credential id, $3 public key (both base64url),
-- $4 signature counter, $5 transports as JSON, $6 name, $7 now.
INSERT INTO passkeys (user_id, credential_id, public_key, counter, transports, name, created_at)
VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::timestamptz)
ON CONFLICT (credential_id) DO NOTHING
RETURNING id, name, ps_iso(created_at) AS created_at, ps_iso(last_used_at) AS last_used_at
