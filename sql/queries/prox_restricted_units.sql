-- Which of the given units ($1, comma list of ids) are restricted: their exact
-- locations, when shown to a caller with need-to-know, are reads to audit.
SELECT id FROM units
WHERE sensitivity = 'restricted' AND id = ANY (string_to_array($1::text, ',')::int[])
ORDER BY id
