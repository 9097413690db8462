-- Base data import, first step inside its transaction: empties the base tables and takes down their secondary indexes and the street-count trigger for the bulk load (sql/migrations/0021_base_import_bulk.sql).
SELECT base_import_begin()
