-- A user's passkeys, the newest first, with what the WebAuthn ceremonies need. $1 user id.
SELECT id, name, ps_iso(created_at) AS created_at, ps_iso(last_used_at) AS last_used_at,
       credential_id, public_key, counter::float8 AS counter, transports
FROM passkeys WHERE user_id = $1 ORDER BY created_at DESC, id DESC
