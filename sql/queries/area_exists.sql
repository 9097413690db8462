-- Whether an area exists (the information-needs filter names an area by id). $1 area id.
SELECT EXISTS (SELECT 1 FROM areas WHERE id = $1::int) AS found
