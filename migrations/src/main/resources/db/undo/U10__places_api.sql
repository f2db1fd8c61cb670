-- Undo of V10: the API's indexes, and the review index V10 replaced.
CREATE INDEX IF NOT EXISTS review_organization_id_place_id_idx ON review (organization_id, place_id);
DROP INDEX IF EXISTS review_organization_id_place_id_created_at_id_idx;
DROP INDEX IF EXISTS review_user_id_created_at_id_idx;
DROP INDEX IF EXISTS place_organization_id_category_id_name_id_idx;
DROP INDEX IF EXISTS place_organization_id_name_id_idx;
