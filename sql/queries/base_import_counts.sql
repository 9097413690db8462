-- Base data import: the rows stored, per table (what the import reports and base_imports.counts keeps).
SELECT (SELECT count(*) FROM base_ways)::int AS ways,
       (SELECT count(*) FROM base_areas)::int AS areas,
       (SELECT count(*) FROM base_places)::int AS places,
       (SELECT count(*) FROM base_addresses)::int AS addresses,
       (SELECT count(*) FROM base_pois)::int AS pois
