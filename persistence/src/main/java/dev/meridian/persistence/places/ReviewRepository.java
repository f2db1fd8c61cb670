package dev.meridian.persistence.places;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.places.Review;
import dev.meridian.persistence.context.RowLevelSecured;
import dev.meridian.persistence.tenancy.Stored;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Reviews the acting context may see. Lists come newest first, a page at a time after a (created, id)
 * position, each in one statement on an index in that order; a review's place and author are read as ids,
 * never loaded.
 */
@Stateless
@RowLevelSecured
public class ReviewRepository {

    /** Where a page of reviews ended: its last review's creation time and id. */
    public record After(Instant createdAt, UUID id) {
    }

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public Optional<Review> byAuthor(UUID author, UUID place) {
        return page("r.user_id = ?1 AND r.place_id = ?2", List.of(author, place), Optional.empty(), 1).stream()
                .findFirst();
    }

    /** A place's reviews (review_organization_id_place_id_created_at_id_idx). */
    public List<Review> ofPlace(UUID tenant, UUID place, Optional<After> after, int limit) {
        return page("r.organization_id = ?1 AND r.place_id = ?2", List.of(tenant, place), after, limit);
    }

    /** A user's reviews (review_user_id_created_at_id_idx). */
    public List<Review> byAuthor(UUID author, Optional<After> after, int limit) {
        return page("r.user_id = ?1", List.of(author), after, limit);
    }

    /** {@code where} uses the first parameters, ?1 to ?n; the position and the limit follow. */
    private List<Review> page(String where, List<UUID> keys, Optional<After> after, int limit) {
        int n = keys.size();
        var sql = "SELECT r.* FROM review r WHERE " + where
                + after.map(position -> " AND (r.created_at, r.id) < (?" + (n + 1) + ", ?" + (n + 2) + ")").orElse("")
                + " ORDER BY r.created_at DESC, r.id DESC LIMIT ?" + (n + 3);
        var query = entityManager.createNativeQuery(sql, Review.class).setParameter(n + 3, limit);
        for (int i = 0; i < n; i++) {
            query.setParameter(i + 1, keys.get(i));
        }
        after.ifPresent(position -> query
                .setParameter(n + 1, OffsetDateTime.ofInstant(position.createdAt(), ZoneOffset.UTC))
                .setParameter(n + 2, position.id()));
        @SuppressWarnings("unchecked")
        List<Review> reviews = query.getResultList();
        return reviews;
    }

    public Review store(Review review) {
        return Stored.persist(entityManager, review);
    }

    public void flush() {
        Stored.flush(entityManager);
    }

    public void remove(Review review) {
        entityManager.remove(review);
        entityManager.flush();
    }
}
