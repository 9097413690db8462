-- Removes a contact person if its version is still $2. $1 id.
DELETE FROM contact_persons WHERE id = $1 AND version = $2 RETURNING id
