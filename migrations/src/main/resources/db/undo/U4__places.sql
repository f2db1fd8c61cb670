-- Undo of V4: the places tables, children first; their policies, grants and triggers go with them, the
-- functions of R__places_policies.sql and R__places_ratings.sql explicitly.
DROP TABLE IF EXISTS location_follow, preference, review, place, category;
DROP FUNCTION IF EXISTS meridian_review_ratings();
DROP FUNCTION IF EXISTS meridian_acting_user_has_permission(text);
