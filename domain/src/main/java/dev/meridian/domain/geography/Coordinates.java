package dev.meridian.domain.geography;

/** A point on the globe in degrees: latitude -90 to 90, longitude -180 to 180. */
public record Coordinates(double lat, double lng) {

    public Coordinates {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be between -90 and 90");
        }
        if (!(lng >= -180 && lng <= 180)) {
            throw new IllegalArgumentException("lng must be between -180 and 180");
        }
    }
}
