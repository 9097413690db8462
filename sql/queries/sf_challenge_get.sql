-- A live step of a purpose with its user (active accounts only). $1 token hash, $2 purpose, $3 now.
SELECT c.user_id, c.challenge, c.attempts, c.address, c.user_agent, u.email, u.name, u.role, u.must_change_password
FROM login_challenges c
JOIN users u ON u.id = c.user_id AND u.active
WHERE c.token_hash = $1 AND c.purpose = $2 AND c.expires_at > $3::timestamptz
