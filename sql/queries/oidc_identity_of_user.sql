-- Whether an account is already tied to a provider identity. $1 user id.
SELECT issuer, subject FROM user_identities WHERE user_id = $1
