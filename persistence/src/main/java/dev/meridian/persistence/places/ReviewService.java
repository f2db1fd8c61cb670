package dev.meridian.persistence.places;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.places.Review;
import dev.meridian.domain.tenancy.Role;
import dev.meridian.persistence.audit.CrossTenantProbe;
import dev.meridian.persistence.audit.TenantTable;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.AccessDenied;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import dev.meridian.persistence.tenancy.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Reviews of the caller's organization's places. Everyone in the organization reads them; each user but a
 * viewer (read-only by role) keeps one review per place, their own, and replaces or withdraws it. The place's
 * rating follows by the database's trigger, in the same transaction.
 */
@Stateless
public class ReviewService {

    /** The caller's review after a rating, and whether it is new. */
    public record Rated(Review review, boolean created) {
    }

    @Inject
    ReviewRepository reviews;

    @Inject
    PlaceRepository places;

    @Inject
    UserRepository users;

    @Inject
    ActingContext context;

    @Inject
    CrossTenantProbe probe;

    public List<Review> ofPlace(UUID place, Optional<ReviewRepository.After> after, int limit) {
        requirePlace(place);
        return reviews.ofPlace(context.requireCaller().organizationId(), place, after, limit);
    }

    /** The caller's own reviews, newest first: one statement. */
    public List<Review> mine(Optional<ReviewRepository.After> after, int limit) {
        return reviews.byAuthor(context.requireCaller().userId(), after, limit);
    }

    public Rated rate(UUID placeId, Integer rating, String comment) {
        var place = places.find(placeId).orElseThrow(() -> probe.notFound(TenantTable.PLACE, placeId));
        var caller = context.requireCaller();
        if (caller.role() == Role.VIEWER) {
            throw new AccessDenied("viewers read reviews; they do not write them");
        }
        if (rating == null) {
            throw new InvalidInput("rating", "rating is required");
        }
        var existing = reviews.byAuthor(caller.userId(), placeId);
        try {
            if (existing.isPresent()) {
                existing.get().rate(rating, comment);
                reviews.flush();
                return new Rated(existing.get(), false);
            }
            var author = users.find(caller.userId()).orElseThrow(() -> new ResourceNotFound("caller is gone"));
            return new Rated(reviews.store(place.review(author, rating, comment)), true);
        } catch (IllegalArgumentException e) {
            // the API calls the comment text
            throw new InvalidInput(e.getMessage().startsWith("rating") ? "rating" : "text", e.getMessage());
        }
    }

    public void withdraw(UUID placeId) {
        requirePlace(placeId);
        var review = reviews.byAuthor(context.requireCaller().userId(), placeId)
                .orElseThrow(() -> new ResourceNotFound("no review of yours for place " + placeId));
        reviews.remove(review);
    }

    private void requirePlace(UUID id) {
        if (!places.exists(id)) {
            throw probe.notFound(TenantTable.PLACE, id);
        }
    }
}
