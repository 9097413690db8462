-- Whether any address is imported: an empty search answer says so, so the client can
-- tell "no such address" from "no addresses imported".
SELECT EXISTS (SELECT 1 FROM base_addresses) AS any
