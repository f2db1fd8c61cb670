package dev.meridian.persistence.places;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.places.Category;
import dev.meridian.domain.places.Place;
import dev.meridian.domain.places.Review;
import dev.meridian.persistence.context.RowLevelSecured;
import dev.meridian.persistence.paging.Columns;
import dev.meridian.persistence.paging.Conditions;
import dev.meridian.persistence.paging.Counting;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Places and reviews the acting context may see, for moderation: filtered, sorted and paged in PostgreSQL,
 * and found by id for an edit or a delete (another tenant's id finds nothing).
 */
@Stateless
@RowLevelSecured
public class PlaceModerationRepository {

    private static final String LOCATED = " JOIN organization o ON o.id = p.organization_id"
            + " JOIN location l ON l.id = p.location_id LEFT JOIN location lp ON lp.id = l.parent_id"
            + " LEFT JOIN location lg ON lg.id = lp.parent_id LEFT JOIN category c ON c.id = p.category_id";
    private static final String PATH = "concat_ws(' / ', lg.name, lp.name, l.name)";
    private static final String PLACES = "place p" + LOCATED;
    private static final String REVIEWS = "review r JOIN place p ON p.id = r.place_id" + LOCATED
            + " LEFT JOIN app_user u ON u.id = r.user_id";
    private static final Map<String, String> PLACE_SORTS = Map.of("name", "p.name", "organization", "o.slug",
            "category", "c.name", "location", "l.name", "rating", "p.rating", "ratingsTotal", "p.ratings_total",
            "updatedAt", "p.updated_at");
    private static final Map<String, String> REVIEW_SORTS = Map.of("place", "p.name", "organization", "o.slug",
            "author", "u.username", "rating", "r.rating", "createdAt", "r.created_at");

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public List<PlaceRow> places(ModerationFilter filter, int first, int size, String sortBy, boolean ascending) {
        var conditions = placeConditions(filter).add("p.name ILIKE '%' || ? || '%'", filter.text());
        List<?> rows = conditions.bind(entityManager.createNativeQuery("SELECT p.id, o.slug, p.name, c.code, c.name, "
                + PATH + ", p.description, p.rating, p.ratings_total, p.updated_at FROM " + PLACES
                + conditions.where() + " ORDER BY " + PLACE_SORTS.getOrDefault(sortBy, "p.name")
                + (ascending ? " ASC" : " DESC") + " NULLS LAST, p.id"))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Columns.pageSize(size))
                .getResultList();
        return rows.stream().map(row -> {
            var c = (Object[]) row;
            return new PlaceRow(Columns.uuid(c[0]), Columns.text(c[1]), Columns.text(c[2]), Columns.text(c[3]),
                    Columns.text(c[4]), Columns.text(c[5]), Columns.text(c[6]), (BigDecimal) c[7],
                    ((Number) c[8]).intValue(), Columns.instant(c[9]));
        }).toList();
    }

    public long countPlaces(ModerationFilter filter, boolean wholeTableVisible) {
        return Counting.count(entityManager, PLACES,
                placeConditions(filter).add("p.name ILIKE '%' || ? || '%'", filter.text()), "public.place",
                wholeTableVisible);
    }

    public List<ReviewRow> reviews(ModerationFilter filter, int first, int size, String sortBy, boolean ascending) {
        var conditions = reviewConditions(filter);
        List<?> rows = conditions.bind(entityManager.createNativeQuery("SELECT r.id, o.slug, p.name, c.name, " + PATH
                + ", coalesce(u.username, r.user_id::text), r.rating, r.comment, r.created_at FROM " + REVIEWS
                + conditions.where() + " ORDER BY " + REVIEW_SORTS.getOrDefault(sortBy, "r.created_at")
                + (ascending ? " ASC" : " DESC") + ", r.id"))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Columns.pageSize(size))
                .getResultList();
        return rows.stream().map(row -> {
            var c = (Object[]) row;
            return new ReviewRow(Columns.uuid(c[0]), Columns.text(c[1]), Columns.text(c[2]), Columns.text(c[3]),
                    Columns.text(c[4]), Columns.text(c[5]), ((Number) c[6]).intValue(), Columns.text(c[7]),
                    Columns.instant(c[8]));
        }).toList();
    }

    public long countReviews(ModerationFilter filter, boolean wholeTableVisible) {
        return Counting.count(entityManager, REVIEWS, reviewConditions(filter), "public.review", wholeTableVisible);
    }

    public List<CategoryOption> categories() {
        return entityManager.createQuery("SELECT c FROM Category c ORDER BY c.name", Category.class)
                .getResultStream()
                .map(category -> new CategoryOption(category.getCode(), category.getName()))
                .toList();
    }

    public Optional<Category> category(String code) {
        return entityManager.createQuery("SELECT c FROM Category c WHERE c.code = :code", Category.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    public Optional<Place> place(UUID id) {
        return Optional.ofNullable(entityManager.find(Place.class, id));
    }

    public Optional<Review> review(UUID id) {
        return Optional.ofNullable(entityManager.find(Review.class, id));
    }

    /** Whether the acting user may change others' reviews: platform scope, or the reviews.moderate permission. */
    public boolean mayModerateReviews() {
        return Boolean.TRUE.equals(entityManager.createNativeQuery("SELECT current_setting('app.scope', true) ="
                + " 'platform' OR meridian_acting_user_has_permission('reviews.moderate')").getSingleResult());
    }

    public void flush() {
        entityManager.flush();
    }

    public void remove(Object entity) {
        entityManager.remove(entity);
        entityManager.flush();
    }

    private static Conditions placeConditions(ModerationFilter filter) {
        return new Conditions()
                .add("c.code = ?", filter.category())
                .add(PATH + " ILIKE '%' || ? || '%'", filter.location())
                .add("? IN (o.slug, p.organization_id::text)", filter.tenant());
    }

    private static Conditions reviewConditions(ModerationFilter filter) {
        return placeConditions(filter).add("concat_ws(' ', p.name, r.comment) ILIKE '%' || ? || '%'",
                filter.text());
    }
}
