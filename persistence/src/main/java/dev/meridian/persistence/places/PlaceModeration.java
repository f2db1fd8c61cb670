package dev.meridian.persistence.places;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.meridian.domain.places.Review;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.AccessDenied;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Moderation of places and reviews from the portal: an organization admin within their tenant, a platform
 * admin across tenants (platform scope, so the change log names them as the actor). Row-level security
 * decides what is found: another tenant's id is not found, whatever a form says. Changing another user's
 * review also needs the {@code reviews.moderate} permission (or platform scope), as the review policies
 * demand.
 */
@Stateless
public class PlaceModeration {

    @Inject
    PlaceModerationRepository repository;

    @Inject
    PlaceService places;

    @Inject
    ActingContext context;

    public List<PlaceRow> places(ModerationFilter filter, int first, int size, String sortBy, boolean ascending) {
        return context.withCallersReach(() -> repository.places(filter, first, size, sortBy, ascending));
    }

    public long countPlaces(ModerationFilter filter) {
        return context.withCallersReach(() -> repository.countPlaces(filter, platformAdmin()));
    }

    public List<ReviewRow> reviews(ModerationFilter filter, int first, int size, String sortBy, boolean ascending) {
        return context.withCallersReach(() -> repository.reviews(filter, first, size, sortBy, ascending));
    }

    public long countReviews(ModerationFilter filter) {
        return context.withCallersReach(() -> repository.countReviews(filter, platformAdmin()));
    }

    public List<CategoryOption> categories() {
        return context.withCallersReach(repository::categories);
    }

    /** Renames, describes and categorizes a place (a blank category: none). */
    public void editPlace(UUID id, String name, String description, String categoryCode) {
        context.withCallersReach(() -> valid(() -> {
            var place = repository.place(id).orElseThrow(() -> new ResourceNotFound("no place " + id));
            place.setName(name);
            place.setDescription(description);
            place.categorize(categoryCode == null || categoryCode.isBlank()
                    ? null
                    : repository.category(categoryCode)
                            .orElseThrow(() -> new InvalidInput("category", "no such category: " + categoryCode)));
            repository.flush();
            return place;
        }));
    }

    /**
     * Deletes a place and, with it, its reviews, through the places service, so followers get the same "deleted"
     * change event as after an API delete.
     */
    public void deletePlace(UUID id) {
        context.withCallersReach(() -> {
            places.delete(id);
            return id;
        });
    }

    /** Replaces a review's comment (to redact it, say); the rating stays the author's. */
    public void editReview(UUID id, String comment) {
        context.withCallersReach(() -> valid(() -> {
            var review = moderated(id);
            review.rate(review.getRating(), comment);
            repository.flush();
            return review;
        }));
    }

    public void deleteReview(UUID id) {
        context.withCallersReach(() -> {
            repository.remove(moderated(id));
            return id;
        });
    }

    private Review moderated(UUID id) {
        var review = repository.review(id).orElseThrow(() -> new ResourceNotFound("no review " + id));
        if (!repository.mayModerateReviews()) {
            throw new AccessDenied("changing another user's review needs the reviews.moderate permission");
        }
        return review;
    }

    private boolean platformAdmin() {
        return context.requireCaller().platformAdmin();
    }

    /** The domain's rejection of a value, as invalid input. */
    private static <T> T valid(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("place", e.getMessage());
        }
    }
}
