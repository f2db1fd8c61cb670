-- Read models: materialized views for location and place typeahead (trigram search) and map aggregates
-- per state, county and locality. Each has a unique index, so it refreshes CONCURRENTLY without blocking
-- its readers. The refresh function, the tenant-filtered views and the grants are in R__read_models.sql.
--
-- A materialized view has no row-level security. location_typeahead holds geography only, which every
-- tenant may read. place_typeahead and map_aggregate hold tenant data: the application role gets no
-- privilege on them and reads them only through security-barrier views that keep to the acting tenant.
--
-- The owner is subject to the forced row-level security of place, so the tenant rows are read here, and at
-- every refresh, in platform scope, for this transaction only.
SELECT set_config('app.scope', 'platform', true);

CREATE MATERIALIZED VIEW location_typeahead AS
SELECT l.id,
       l.parent_id,
       l.level,
       l.name,
       -- 'Springfield, Sangamon County, IL': the name, the county of a locality, the state's code
       concat_ws(', ', l.name,
                 CASE WHEN l.level = 'locality' THEN parent.name END,
                 CASE l.level WHEN 'county' THEN parent.code WHEN 'locality' THEN grandparent.code END) AS label,
       lower(concat_ws(' ', l.name,
                       CASE WHEN l.level = 'locality' THEN parent.name END,
                       CASE l.level WHEN 'county' THEN parent.code WHEN 'locality' THEN grandparent.code END))
         AS search_text,
       l.lat,
       l.lng,
       l.time_zone
FROM location l
LEFT JOIN location parent ON parent.id = l.parent_id
LEFT JOIN location grandparent ON grandparent.id = parent.parent_id;

CREATE UNIQUE INDEX location_typeahead_id_key ON location_typeahead (id);
CREATE INDEX location_typeahead_search_text_trgm_idx ON location_typeahead USING gin (search_text gin_trgm_ops);

CREATE MATERIALIZED VIEW place_typeahead AS
SELECT p.id,
       p.organization_id,
       p.name,
       concat_ws(', ', p.name, l.name) AS label,
       lower(p.name) AS search_text,
       p.location_id,
       p.category_id,
       p.lat,
       p.lng,
       p.rating,
       p.ratings_total
FROM place p
JOIN location l ON l.id = p.location_id;

CREATE UNIQUE INDEX place_typeahead_id_key ON place_typeahead (id);
-- tenant and trigram in one index (btree_gist): the tenant filter and the match, or the nearest-match
-- ordering (<->), are answered together
CREATE INDEX place_typeahead_organization_id_search_text_idx ON place_typeahead
  USING gist (organization_id, search_text gist_trgm_ops);

-- Per tenant and area: the places in it (a place counts for its location and every ancestor), their
-- reviews, and the average rating of those reviews (weighted by review, not by place; NULL when none).
CREATE MATERIALIZED VIEW map_aggregate AS
SELECT area.organization_id,
       area.location_id,
       l.parent_id,
       l.level,
       l.name,
       l.lat,
       l.lng,
       count(*) AS places,
       sum(area.ratings_total) AS reviews,
       round(sum(area.ratings_sum) / nullif(sum(area.ratings_total), 0), 2) AS average_rating
FROM (SELECT p.organization_id, p.ratings_total, p.ratings_sum, a.location_id
      FROM place p
      JOIN location own ON own.id = p.location_id
      LEFT JOIN location parent ON parent.id = own.parent_id
      CROSS JOIN LATERAL (VALUES (own.id), (own.parent_id), (parent.parent_id)) AS a (location_id)
      WHERE a.location_id IS NOT NULL) AS area
JOIN location l ON l.id = area.location_id
GROUP BY area.organization_id, area.location_id, l.parent_id, l.level, l.name, l.lat, l.lng;

CREATE UNIQUE INDEX map_aggregate_organization_id_location_id_key ON map_aggregate (organization_id, location_id);
-- drilling down: the children of an area in one tenant
CREATE INDEX map_aggregate_organization_id_parent_id_idx ON map_aggregate (organization_id, parent_id);

SELECT set_config('app.scope', '', true);
