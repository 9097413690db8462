-- Who decides the role of an account tied to a provider identity. $1 user id, $2 groups or override.
-- An account tied after it existed (local) stays the administrators' alone.
UPDATE user_identities SET role_source = $2 WHERE user_id = $1 AND role_source <> 'local'
