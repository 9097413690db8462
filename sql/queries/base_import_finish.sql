-- Base data import, after the last insert: counts the address streets and rebuilds the indexes base_import_begin took down (sql/migrations/0021_base_import_bulk.sql).
SELECT base_import_finish()
