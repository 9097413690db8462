-- Which ring of a unit (or of a candidate site) a place at distance d lies in: the innermost
-- whose radius is at least d ('immediate', 'neighbourhood', else 'area'; a place beyond the
-- outer ring is the caller's to leave out). One home for the rule the contact list, the
-- child-place list, the information needs and the site analysis share. LANGUAGE sql and
-- IMMUTABLE, so the planner inlines it as the CASE it is.
CREATE FUNCTION ps_ring(d float8, r_immediate float8, r_neighbourhood float8) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN d <= r_immediate THEN 'immediate'
              WHEN d <= r_neighbourhood THEN 'neighbourhood'
              ELSE 'area' END
$$;
