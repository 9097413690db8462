-- The base data's features in one map tile, in the Protomaps basemap schema (layers earth,
-- water, landuse, roads, buildings, places, pois with kind, kind_detail, name, name:sv,
-- min_zoom, sort_rank), so the @protomaps/basemaps style draws them unchanged: one row a
-- feature with its layer, its order within the layer (rank), its properties and its
-- geometry in WGS 84, cut to the buffered tile and simplified. Both tile statements select
-- from it: basemap_tile_mvt.sql encodes with ST_AsMVT (PostgreSQL), basemap_tile_features.sql
-- hands rows to the API's encoder (the embedded database has no ST_AsMVT), so the two
-- engines draw the same features. Properties that are absent are left out
-- (jsonb_strip_nulls), since the style tests them with "has" (is_bridge, is_tunnel, is_link).
--
-- LANGUAGE sql, STABLE and not STRICT so the planner inlines the body into the calling
-- statement: the bounding-box conditions then reach the GiST indexes as they would in a
-- statement of its own, and no plan is hidden behind a function call. The body is read
-- when the statement runs, so the import may drop and rebuild the base tables' indexes.
CREATE FUNCTION ps_basemap_features(p_z integer, p_x integer, p_y integer, p_max_features integer)
RETURNS TABLE (layer text, rank integer, props jsonb, geom geometry)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
WITH
  env AS (
    -- The tile widened by the 64/4096 buffer, in WGS 84 for the indexes.
    SELECT ST_Transform(ST_TileEnvelope(p_z, p_x, p_y, margin => 0.015625), 4326) AS g,
           -- One tile unit (1/4096 of the tile's width) in degrees: the simplification step.
           360.0 / (2 ^ p_z) / 4096 AS px
  ),
  -- Streets, paths and railways with the schema's kind and the zoom they appear from.
  ways AS (
    SELECT w.osm_id, w.kind AS osm_kind, w.class, w.name, w.tags, w.geom,
           CASE
             WHEN w.kind = 'railway' THEN
               CASE WHEN w.class IN ('rail','light_rail','tram','subway','narrow_gauge','monorail','funicular') THEN 'rail' END
             WHEN w.class IN ('motorway','motorway_link') THEN 'highway'
             WHEN w.class IN ('trunk','trunk_link','primary','primary_link','secondary','secondary_link','tertiary','tertiary_link') THEN 'major_road'
             WHEN w.class IN ('residential','unclassified','living_street','road','service') THEN 'minor_road'
             WHEN w.class IN ('pedestrian','footway','path','cycleway','steps','track','bridleway','corridor') THEN 'path'
           END AS pm_kind,
           CASE
             WHEN w.kind = 'railway' THEN CASE WHEN w.class = 'rail' THEN 9 ELSE 12 END
             WHEN w.class IN ('motorway','motorway_link') THEN 3
             WHEN w.class IN ('trunk','trunk_link','primary','primary_link') THEN 7
             WHEN w.class IN ('secondary','secondary_link') THEN 9
             WHEN w.class IN ('tertiary','tertiary_link') THEN 10
             WHEN w.class = 'service' THEN 13
             WHEN w.class IN ('residential','unclassified','living_street','road') THEN 12
             ELSE 14
           END AS min_zoom
    FROM base_ways w, env
    WHERE w.kind IN ('highway','railway') AND w.geom && env.g
  ),
  roads AS (
    SELECT 'roads'::text AS layer, w.geom,
           jsonb_strip_nulls(jsonb_build_object(
             'kind', w.pm_kind,
             'kind_detail', w.class,
             'name', w.name,
             'name:sv', w.tags->>'name:sv',
             'ref', w.tags->>'ref',
             'is_bridge', CASE WHEN coalesce(w.tags->>'bridge', 'no') <> 'no' THEN true END,
             'is_tunnel', CASE WHEN coalesce(w.tags->>'tunnel', 'no') <> 'no' THEN true END,
             'is_link', CASE WHEN w.class LIKE '%\_link' THEN true END,
             'oneway', CASE WHEN w.tags->>'oneway' IN ('yes','1','true') THEN 'yes' END,
             'min_zoom', w.min_zoom,
             'sort_rank', 400 - w.min_zoom * 10)) AS props,
           400 - w.min_zoom * 10 AS rank
    FROM ways w
    WHERE w.pm_kind IS NOT NULL AND w.min_zoom <= p_z
    ORDER BY rank, w.osm_id
    LIMIT p_max_features
  ),
  -- Water areas (river, lakes, the sea) and rivers and streams drawn as lines.
  water AS (
    (SELECT 'water'::text AS layer, a.geom,
            jsonb_strip_nulls(jsonb_build_object(
              'kind', CASE WHEN a.class IN ('sea','ocean','bay','strait','fjord','lake') THEN a.class ELSE 'water' END,
              'kind_detail', a.class,
              'name', a.name,
              'name:sv', a.tags->>'name:sv',
              'min_zoom', 0,
              'sort_rank', 200)) AS props,
            200 AS rank
     FROM base_areas a, env
     WHERE a.kind = 'water' AND a.geom && env.g
       AND (p_z >= 14 OR ST_Area(a.geom) > env.px * env.px * 256)
     ORDER BY ST_Area(a.geom) DESC, a.osm_id
     LIMIT p_max_features)
    UNION ALL
    (SELECT 'water'::text, w.geom,
            jsonb_strip_nulls(jsonb_build_object(
              'kind', CASE WHEN w.class IN ('river','canal') THEN 'river' ELSE 'stream' END,
              'kind_detail', w.class,
              'name', w.name,
              'name:sv', w.tags->>'name:sv',
              'min_zoom', CASE WHEN w.class IN ('river','canal') THEN 9 ELSE 14 END,
              'sort_rank', 201)),
            201
     FROM base_ways w, env
     WHERE w.kind = 'waterway' AND w.geom && env.g
       AND p_z >= CASE WHEN w.class IN ('river','canal') THEN 9 ELSE 14 END
     ORDER BY w.osm_id
     LIMIT p_max_features)
  ),
  -- Land (where the extract closes the coastline) and islands' names.
  earth AS (
    (SELECT 'earth'::text AS layer, a.geom,
            jsonb_build_object('kind', 'earth', 'min_zoom', 0, 'sort_rank', 0) AS props, 0 AS rank
     FROM base_areas a, env
     WHERE a.kind = 'land' AND a.geom && env.g
     ORDER BY a.osm_id
     LIMIT p_max_features)
    UNION ALL
    (SELECT 'earth'::text, p.geom,
            jsonb_strip_nulls(jsonb_build_object('kind', 'island', 'name', p.name, 'name:sv', p.tags->>'name:sv', 'min_zoom', 12, 'sort_rank', 1)),
            1
     FROM base_places p, env
     WHERE p.class IN ('island','islet') AND p_z >= 12 AND p.geom && env.g
     ORDER BY p.osm_id
     LIMIT p_max_features)
  ),
  -- Land use, parks and green areas the style colours (others would only weigh the tile).
  landuse AS (
    SELECT 'landuse'::text AS layer, l.geom,
           jsonb_strip_nulls(jsonb_build_object('kind', l.pm_kind, 'kind_detail', l.class, 'name', l.name,
                                                'min_zoom', 10, 'sort_rank', 100)) AS props,
           100 AS rank
    FROM (
      SELECT a.osm_id, a.class, a.name, a.geom,
             CASE
               WHEN a.class IN ('park','garden','dog_park','recreation_ground','common') THEN 'park'
               WHEN a.class IN ('grass','meadow') THEN 'grass'
               WHEN a.class = 'heath' THEN 'scrub'
               WHEN a.class IN ('cemetery','grave_yard') THEN 'cemetery'
               WHEN a.class IN ('school','kindergarten') THEN 'school'
               WHEN a.class IN ('forest','wood','grassland','nature_reserve','protected_area','national_park','golf_course','scrub','sand','beach',
                                'industrial','hospital','university','college','allotments','village_green','playground',
                                'pedestrian','pier','zoo','military','aerodrome') THEN a.class
             END AS pm_kind
      FROM base_areas a, env
      WHERE a.kind IN ('landuse','park') AND p_z >= 10 AND a.geom && env.g
        AND (p_z >= 14 OR ST_Area(a.geom) > env.px * env.px * 256)
    ) l
    WHERE l.pm_kind IS NOT NULL
    ORDER BY ST_Area(l.geom) DESC, l.osm_id
    LIMIT p_max_features
  ),
  -- Buildings from zoom 14, house numbers from zoom 17.
  buildings AS (
    (SELECT 'buildings'::text AS layer, a.geom,
            jsonb_build_object('kind', 'building', 'min_zoom', 14, 'sort_rank', 400) AS props, 400 AS rank
     FROM base_areas a, env
     WHERE a.kind = 'building' AND p_z >= 14 AND a.geom && env.g
     ORDER BY a.osm_id
     LIMIT p_max_features)
    UNION ALL
    (SELECT 'buildings'::text, ad.geom,
            jsonb_build_object('kind', 'address', 'addr_housenumber', ad.housenumber, 'min_zoom', 17, 'sort_rank', 401),
            401
     FROM base_addresses ad, env
     WHERE ad.housenumber IS NOT NULL AND p_z >= 17 AND ad.geom && env.g
     ORDER BY ad.osm_id
     LIMIT p_max_features)
  ),
  -- Place names: towns as localities, districts and neighbourhoods as sub-places.
  places AS (
    SELECT 'places'::text AS layer, p.geom,
           jsonb_strip_nulls(jsonb_build_object('kind', p.pm_kind, 'kind_detail', p.class, 'name', p.name,
                                                'name:sv', p.tags->>'name:sv', 'min_zoom', p.min_zoom,
                                                'population_rank', p.population_rank, 'sort_rank', 500 - p.min_zoom)) AS props,
           p.min_zoom AS rank
    FROM (
      SELECT pl.osm_id, pl.class, pl.name, pl.tags, pl.geom,
             CASE WHEN pl.class IN ('city','town','village','hamlet') THEN 'locality'
                  WHEN pl.class IN ('suburb','borough') THEN 'macrohood'
                  WHEN pl.class IN ('quarter','neighbourhood','locality','isolated_dwelling') THEN 'neighbourhood' END AS pm_kind,
             CASE pl.class WHEN 'city' THEN 4 WHEN 'town' THEN 7 WHEN 'village' THEN 10 WHEN 'hamlet' THEN 12
                           WHEN 'suburb' THEN 11 WHEN 'borough' THEN 11 WHEN 'quarter' THEN 12 ELSE 13 END AS min_zoom,
             CASE pl.class WHEN 'city' THEN 12 WHEN 'town' THEN 9 WHEN 'village' THEN 6 ELSE 4 END AS population_rank
      FROM base_places pl, env
      WHERE pl.geom && env.g
    ) p
    WHERE p.pm_kind IS NOT NULL AND p.min_zoom <= p_z
    ORDER BY p.min_zoom, p.osm_id
    LIMIT p_max_features
  ),
  -- Named points of interest, by their tag's value (cafe, library…), from zoom 15.
  pois AS (
    SELECT 'pois'::text AS layer, p.geom,
           jsonb_strip_nulls(jsonb_build_object('kind', p.value, 'kind_detail', p.key, 'name', p.name,
                                                'name:sv', p.tags->>'name:sv', 'min_zoom', p.min_zoom,
                                                'sort_rank', 600 - p.min_zoom)) AS props,
           p.min_zoom AS rank
    FROM (
      SELECT bp.osm_id, bp.key, bp.value, bp.name, bp.tags, bp.geom,
             CASE WHEN bp.value IN ('station','park','university','hospital','stadium','museum') THEN 15 ELSE 16 END AS min_zoom
      FROM base_pois bp, env
      WHERE bp.name IS NOT NULL AND p_z >= 15 AND bp.geom && env.g
    ) p
    ORDER BY p.min_zoom, p.osm_id
    LIMIT p_max_features
  ),
  -- Every feature of the tile, cut to the buffered tile (an axis-aligned box in WGS 84 is
  -- one in Web Mercator too) and simplified below zoom 14 by about two tile units (lines
  -- keep their ends; areas keep their topology).
  feat AS (
    SELECT f.layer, f.rank, f.props,
           CASE WHEN GeometryType(f.geom) = 'POINT' THEN f.geom
                WHEN p_z >= 14 THEN ST_ClipByBox2D(f.geom, env.g)
                WHEN GeometryType(f.geom) = 'LINESTRING' THEN ST_Simplify(ST_ClipByBox2D(f.geom, env.g), env.px * 2, true)
                ELSE ST_SimplifyPreserveTopology(ST_ClipByBox2D(f.geom, env.g), env.px * 2) END AS geom
    FROM (SELECT * FROM earth UNION ALL SELECT * FROM water UNION ALL SELECT * FROM landuse
          UNION ALL SELECT * FROM roads UNION ALL SELECT * FROM buildings UNION ALL SELECT * FROM places
          UNION ALL SELECT * FROM pois) f, env
  )
SELECT f.layer, f.rank, f.props, f.geom FROM feat f
$$;
