package dev.meridian.persistence.places;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.persistence.problems.InvalidInput;

/**
 * The filters of a place search, all optional and combined: a text the name contains, a category code, a
 * bounding box, a circle around a point. Results come by name, or nearest first when a circle is given, at
 * most {@code limit} at a time: {@code after} is where the previous page ended.
 */
public record PlaceSearch(Optional<String> text, Optional<String> category, Optional<Box> box,
        Optional<Circle> near, Optional<After> after, int limit) {

    public static final double MAX_RADIUS_KM = 500;
    private static final double EARTH_RADIUS_KM = 6371.0088;

    public PlaceSearch {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(near, "near");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("limit is at least 1");
        }
    }

    /** Places by distance rather than by name. */
    public boolean byDistance() {
        return near.isPresent();
    }

    /** A latitude and longitude range in degrees; it does not wrap around the antimeridian. */
    public record Box(double minLat, double minLng, double maxLat, double maxLng) {

        public Box {
            if (!(minLat >= -90 && maxLat <= 90 && minLat <= maxLat)) {
                throw new InvalidInput("bbox", "latitudes are from -90 to 90, the minimum first");
            }
            if (!(minLng >= -180 && maxLng <= 180 && minLng <= maxLng)) {
                throw new InvalidInput("bbox", "longitudes are from -180 to 180, the minimum first");
            }
        }
    }

    /** Everything within {@code radiusKm} of a point (great-circle distance). */
    public record Circle(double lat, double lng, double radiusKm) {

        public Circle {
            if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) {
                throw new InvalidInput("near", "near is lat,lng with lat from -90 to 90 and lng from -180 to 180");
            }
            if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
                throw new InvalidInput("radius_km", "radius_km is more than 0 and at most " + (int) MAX_RADIUS_KM);
            }
        }

        /**
         * The box around the circle, so an index on latitude and longitude narrows the search before distances are
         * computed; clamped at the poles and the antimeridian.
         */
        Box bounds() {
            double dLat = Math.toDegrees(radiusKm / EARTH_RADIUS_KM);
            double cosLat = Math.cos(Math.toRadians(lat));
            double dLng = cosLat < 1e-6 ? 180 : Math.min(180, dLat / cosLat);
            return new Box(Math.max(-90, lat - dLat), Math.max(-180, lng - dLng), Math.min(90, lat + dLat),
                    Math.min(180, lng + dLng));
        }
    }

    /**
     * Where a page ended: the sort key of its last place (its name, or its distance in km when searching by
     * distance) and its id, which breaks ties.
     */
    public record After(String name, Double distanceKm, UUID id) {

        public After {
            Objects.requireNonNull(id, "id");
            if ((name == null) == (distanceKm == null)) {
                throw new IllegalArgumentException("a position is by name or by distance");
            }
        }
    }

    /** The kilometre radius of the earth the distances use. */
    static double earthRadiusKm() {
        return EARTH_RADIUS_KM;
    }
}
