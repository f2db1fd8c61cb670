package dev.meridian.persistence.places;

import java.util.List;

import dev.meridian.domain.geography.Coordinates;
import dev.meridian.persistence.problems.InvalidInput;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Places of the caller's organization near a point, best first for the caller: {@value #FORMULA}
 */
@Stateless
public class RecommendationService {

    /** How a place scores, as clients read it in the API's description. */
    public static final String FORMULA = "score = 0.6 × (the caller's weight for the place's category, 0 without a"
            + " preference) + 0.2 × rating / 5 (0 without reviews) + 0.1 × min(1, log10(1 + ratingsTotal) / 10)"
            + " + 0.1 × (1 − distance / radius); ties go to the nearer place. Distance is the great-circle distance"
            + " on a sphere of the Earth's mean radius (6,371.0088 km); places farther than the radius are left"
            + " out.";
    public static final double MAX_RADIUS_KM = 100;
    public static final int MAX_LIMIT = 100;

    @Inject
    RecommendationRepository recommendations;

    public List<Recommendation> near(double lat, double lng, double radiusKm, int limit) {
        if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
            throw new InvalidInput("radius_km", "radius_km is more than 0 and at most " + (int) MAX_RADIUS_KM);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "limit is from 1 to " + MAX_LIMIT);
        }
        return recommendations.near(point(lat, lng), radiusKm, limit);
    }

    private static Coordinates point(double lat, double lng) {
        try {
            return new Coordinates(lat, lng);
        } catch (IllegalArgumentException e) {
            // the value object's message starts with the coordinate it refuses
            throw new InvalidInput(e.getMessage().startsWith("lng") ? "lng" : "lat", e.getMessage());
        }
    }
}
