-- Whether any point of interest is imported: an empty suggestion list then means
-- "nothing new here", not "nothing imported".
SELECT EXISTS (SELECT 1 FROM base_pois) AS any
