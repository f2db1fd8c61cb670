package dev.meridian.web.me;

import java.math.BigDecimal;

import dev.meridian.persistence.places.Recommendation;
import dev.meridian.persistence.places.RecommendationService;
import dev.meridian.web.api.QueryParameters;
import dev.meridian.web.tenancy.Views.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Places of the caller's organization near a point, weighed by the caller's preferences. */
@Path("recommendations")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class RecommendationsResource {

    private static final double DEFAULT_RADIUS_KM = 5;
    private static final int DEFAULT_LIMIT = 20;

    public record RecommendationView(String id, String name, String category, String locationId, double lat,
            double lng, BigDecimal rating, int ratingsTotal, double distanceKm, double score) {

        static RecommendationView of(Recommendation recommendation) {
            return new RecommendationView(recommendation.placeId().toString(), recommendation.name(),
                    recommendation.category(), recommendation.locationId().toString(), recommendation.lat(),
                    recommendation.lng(), recommendation.rating(), recommendation.ratingsTotal(),
                    recommendation.distanceKm(), recommendation.score());
        }
    }

    @Inject
    RecommendationService recommendations;

    @GET
    @Operation(
            summary = "Recommendations near a point",
            description = "The places of the caller's organization"
                    + " within radius_km (default 5, at most 100) of lat, lng, best first, at most limit (default 20, at"
                    + " most 100), each with its score and distanceKm. " + RecommendationService.FORMULA)
    public Page<RecommendationView> near(@QueryParam("lat") String lat, @QueryParam("lng") String lng,
            @QueryParam("radius_km") String radiusKm, @QueryParam("limit") String limit) {
        return new Page<>(recommendations.near(QueryParameters.decimal("lat", lat),
                QueryParameters.decimal("lng", lng), QueryParameters.decimal("radius_km", radiusKm, DEFAULT_RADIUS_KM),
                QueryParameters.integer("limit", limit, DEFAULT_LIMIT)).stream()
                .map(RecommendationView::of)
                .toList());
    }
}
