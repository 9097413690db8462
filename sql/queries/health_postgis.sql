-- The PostGIS library version: answers only when the database is up and the extension loaded.
SELECT postgis_lib_version() AS v
