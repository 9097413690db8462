-- Planar GiST indexes on the lon/lat geometry of located rows, for bounding-box
-- filters (`location::geometry && ST_MakeEnvelope(...)`). A bbox is a lon/lat
-- rectangle; the geography `&&` compares geocentric boxes of a polygon with
-- great-circle edges, which is not the same set near the box's edges, so layer
-- filters use these indexes instead. Distances keep using the geography indexes.
CREATE INDEX actors_location_geom_gix ON actors USING gist ((location::geometry));
CREATE INDEX child_places_location_geom_gix ON child_places USING gist ((location::geometry));
