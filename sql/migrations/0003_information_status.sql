-- The information status of one (unit, child place) pair at time p_now: the contract
-- every query that answers an `information` object joins on. This first version knows
-- no information activities yet, so every pair is not_informed; the outreach migration
-- replaces the body (same signature) with the rules of DESIGN.md.
CREATE FUNCTION ps_information(p_unit_id integer, p_child_place_id integer, p_now timestamptz)
RETURNS TABLE (status text, last_informed_at timestamptz, due_at timestamptz)
LANGUAGE sql STABLE AS $$
  SELECT 'not_informed'::text, NULL::timestamptz, NULL::timestamptz
$$;
