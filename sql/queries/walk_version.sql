-- The walking network's version: the latest base-data import (NULL: no base data yet).
SELECT max(id)::int AS version FROM base_imports
