-- Records a passkey's use and its new signature counter. $1 passkey id, $2 counter, $3 now.
UPDATE passkeys SET counter = $2, last_used_at = $3::timestamptz WHERE id = $1 RETURNING id
