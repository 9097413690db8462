-- The current base data: the latest import (its id is the base data's version), or no row.
SELECT b.id, b.source_name, b.source_kind, b.counts, ps_iso(b.imported_at) AS imported_at,
       CASE WHEN b.bbox IS NULL THEN NULL
            ELSE jsonb_build_array(ST_XMin(b.bbox), ST_YMin(b.bbox), ST_XMax(b.bbox), ST_YMax(b.bbox)) END AS bbox
FROM base_imports b
ORDER BY b.id DESC
LIMIT 1
