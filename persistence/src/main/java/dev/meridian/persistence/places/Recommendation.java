package dev.meridian.persistence.places;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A place recommended near a point: what a list shows of it, how far it is and how well it scored (see
 * {@link RecommendationService}). Rating is null while the place has no review; category is null when it has
 * none.
 */
public record Recommendation(UUID placeId, String name, String category, UUID locationId, double lat, double lng,
        BigDecimal rating, int ratingsTotal, double distanceKm, double score) {
}
