-- Indexes for the places and reviews routes of REST API v1 (web, package places). Each list is paged by
-- keyset, so each has an index in its exact sort order, led by a column its query pins with a leakproof
-- equality (uuid =): under row-level security only leakproof conditions may become index conditions.
--
-- Text search (q) has no index of its own: LIKE and the trigram operators are not leakproof, so under the
-- forced policy of place PostgreSQL evaluates them only as a filter after the tenant's rows, never as an
-- index condition (a trigram index would go unused). The search walks the name indexes below in page
-- order instead, index-only, and stops at a full page.

-- places of a tenant by name: the default order of GET /places. It carries what the other filters read
-- (category, coordinates), so a filtered page is an index-only walk that stops once the page is full, and a
-- text search reads no table row it does not return.
CREATE INDEX place_organization_id_name_id_idx ON place (organization_id, name, id)
  INCLUDE (category_id, lat, lng);
-- the same within one category, for categories too sparse to find by walking every name
CREATE INDEX place_organization_id_category_id_name_id_idx ON place (organization_id, category_id, name, id)
  INCLUDE (lat, lng);

-- GET /me/reviews: the acting user's reviews, newest first
CREATE INDEX review_user_id_created_at_id_idx ON review (user_id, created_at DESC, id DESC);

-- GET /places/{id}/reviews: a place's reviews, newest first. It leads with the columns of the index it
-- replaces (the tenant policy's organization_id, the composite foreign key to place), so it serves them too.
CREATE INDEX review_organization_id_place_id_created_at_id_idx
  ON review (organization_id, place_id, created_at DESC, id DESC);
DROP INDEX review_organization_id_place_id_idx;
