package dev.meridian.web.places;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.meridian.domain.places.Category;
import dev.meridian.domain.places.Place;
import dev.meridian.domain.places.Review;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/** What the API shows of places and reviews: camelCase, opaque string ids, ISO-8601 UTC times. */
public final class Views {

    private Views() {
    }

    /**
     * A place. {@code rating} (absent while there is no review) and {@code ratingsTotal} follow its reviews;
     * {@code distanceKm} is there in a search by distance.
     */
    public record PlaceView(String id, String name, double lat, double lng, String category, String locationId,
            String description, JsonObject openingHours, List<String> types, String externalRef, BigDecimal rating,
            int ratingsTotal, Double distanceKm, long version, Instant createdAt, Instant updatedAt) {

        static PlaceView of(Place place) {
            return of(place, null);
        }

        static PlaceView of(Place place, Double distanceKm) {
            var coordinates = place.getCoordinates();
            return new PlaceView(place.getId().toString(), place.getName(), coordinates.lat(), coordinates.lng(),
                    place.getCategory().map(Category::getCode).orElse(null), place.getLocationId().toString(),
                    place.getDescription().orElse(null), place.getOpeningHours().map(Views::object).orElse(null),
                    place.getTypes().stream().sorted().toList(), place.getExternalRef().orElse(null),
                    place.getRating().orElse(null), place.getRatingsTotal(), distanceKm, place.getVersion(),
                    place.getCreatedAt(), place.getUpdatedAt());
        }

        /** The fields a client writes, as a merge patch applies to them. */
        JsonObject writable() {
            var object = Json.createObjectBuilder().add("name", name).add("lat", lat).add("lng", lng)
                    .add("locationId", locationId).add("types", Json.createArrayBuilder(types));
            if (category != null) {
                object.add("category", category);
            }
            if (description != null) {
                object.add("description", description);
            }
            if (openingHours != null) {
                object.add("openingHours", openingHours);
            }
            if (externalRef != null) {
                object.add("externalRef", externalRef);
            }
            return object.build();
        }
    }

    public record ReviewView(String id, String placeId, String authorId, int rating, String text,
            Instant createdAt, Instant updatedAt) {

        static ReviewView of(Review review) {
            return new ReviewView(review.getId().toString(), review.getPlaceId().toString(),
                    review.getAuthorId().toString(), review.getRating(), review.getComment().orElse(null),
                    review.getCreatedAt(), review.getUpdatedAt());
        }
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
