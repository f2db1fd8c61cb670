-- place.rating and place.ratings_total follow the place's reviews, kept by the database itself. A bulk
-- load that switches triggers off must set all three of rating, ratings_total and ratings_sum (the sum of
-- the ratings); the place_rating_consistent check refuses a place where they disagree.
--
-- Statement-level triggers with transition tables: each statement's reviews are summed per place and
-- applied as one delta per place (count and sum of ratings), so a single review costs one place update and
-- a bulk load (COPY) one update per place, never a recount. An UPDATE subtracts the old rows and adds the
-- new ones, so a review that moves to another place, or changes its rating, is accounted on both sides.
-- Concurrent statements serialize on the place rows they touch, locked in id order (no deadlock between two
-- multi-place statements). rating is NULL while a place has no review.
--
-- The function runs as the caller (the application role) under row-level security: the place update passes
-- place's tenant policy because a review's place is in the review's tenant (composite foreign key). When a
-- place is deleted, its reviews go by cascade and the update finds no place: nothing to keep.

CREATE OR REPLACE FUNCTION meridian_review_ratings() RETURNS trigger
  LANGUAGE plpgsql
AS $$
DECLARE
  places uuid[];
  counts bigint[];
  sums   bigint[];
BEGIN
  -- each branch reads only the transition tables its trigger provides
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(place_id ORDER BY place_id), array_agg(n ORDER BY place_id), array_agg(s ORDER BY place_id)
      INTO places, counts, sums
      FROM (SELECT place_id, count(*) AS n, sum(rating) AS s FROM new_reviews GROUP BY place_id) AS delta;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(place_id ORDER BY place_id), array_agg(n ORDER BY place_id), array_agg(s ORDER BY place_id)
      INTO places, counts, sums
      FROM (SELECT place_id, -count(*) AS n, -sum(rating) AS s FROM old_reviews GROUP BY place_id) AS delta;
  ELSE
    SELECT array_agg(place_id ORDER BY place_id), array_agg(n ORDER BY place_id), array_agg(s ORDER BY place_id)
      INTO places, counts, sums
      FROM (SELECT place_id, sum(n) AS n, sum(s) AS s
            FROM (SELECT place_id, 1 AS n, rating::bigint AS s FROM new_reviews
                  UNION ALL
                  SELECT place_id, -1, -rating::bigint FROM old_reviews) AS changes
            GROUP BY place_id
            HAVING sum(n) <> 0 OR sum(s) <> 0) AS delta;
  END IF;
  IF places IS NULL THEN
    RETURN NULL;
  END IF;

  IF cardinality(places) > 1 THEN
    PERFORM FROM place WHERE id = ANY (places) ORDER BY id FOR UPDATE;
  END IF;
  UPDATE place p
     SET ratings_total = p.ratings_total + d.n,
         ratings_sum   = p.ratings_sum + d.s,
         rating        = CASE WHEN p.ratings_total + d.n = 0 THEN NULL
                              ELSE round((p.ratings_sum + d.s)::numeric / (p.ratings_total + d.n), 2) END
    FROM unnest(places, counts, sums) AS d (place_id, n, s)
   WHERE p.id = d.place_id;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION meridian_review_ratings() FROM PUBLIC;

DROP TRIGGER IF EXISTS review_ratings_insert ON review;
CREATE TRIGGER review_ratings_insert AFTER INSERT ON review
  REFERENCING NEW TABLE AS new_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION meridian_review_ratings();

DROP TRIGGER IF EXISTS review_ratings_update ON review;
CREATE TRIGGER review_ratings_update AFTER UPDATE ON review
  REFERENCING OLD TABLE AS old_reviews NEW TABLE AS new_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION meridian_review_ratings();

DROP TRIGGER IF EXISTS review_ratings_delete ON review;
CREATE TRIGGER review_ratings_delete AFTER DELETE ON review
  REFERENCING OLD TABLE AS old_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION meridian_review_ratings();
