-- Where a caller may see a unit: the one home of the coarse/exact rule. Every query that
-- shows a unit, measures from it, rings, orders or counts by it, or tests it against an
-- area, takes the unit's location through ps_visible_location(), so nothing derived for a
-- caller without need-to-know depends on more than the unit's 250 m cell
-- (ps_coarse_location). LANGUAGE sql, IMMUTABLE and one expression each, so the planner
-- inlines them and the spatial indexes are used as with the expression written out.

-- Whether the caller sees this unit coarsely: a restricted unit and a caller without
-- need-to-know. A need-to-know flag that is NULL counts as none, so a forgotten
-- parameter shows the coarse location, never the exact one.
CREATE FUNCTION ps_shows_coarse(sensitivity text, need_to_know boolean) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT sensitivity = 'restricted' AND need_to_know IS NOT TRUE
$$;

-- The unit's location as the caller may see it: coarse when ps_shows_coarse(), else exact.
CREATE FUNCTION ps_visible_location(sensitivity text, location geography, need_to_know boolean) RETURNS geography
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN ps_shows_coarse(sensitivity, need_to_know)
              THEN ps_coarse_location(location)::geography ELSE location END
$$;
