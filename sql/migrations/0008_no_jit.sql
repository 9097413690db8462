-- No JIT compilation for this database. The proximity queries join a unit with the
-- places within its own radius (ST_DWithin with a per-row distance); PostgreSQL cannot
-- estimate that and guesses tens of thousands of rows where there are hundreds, which
-- puts the plan's cost over jit_above_cost. JIT then spends about 2 s compiling a query
-- that runs in milliseconds (bench/RESULTS.md, national scale). These are short queries:
-- turn JIT off for every new session. A role that may not alter the database gets a
-- warning instead of a failed migration; its owner can run the same statement.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'JIT stays on: run "ALTER DATABASE % SET jit = off" as the database owner', current_database();
END
$$;
-- And for the session that runs the migrations (already open, so not covered above).
SET jit = off;
