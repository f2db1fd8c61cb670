package dev.meridian.persistence.geography;

import java.math.BigDecimal;
import java.util.UUID;

import dev.meridian.domain.geography.LocationLevel;

/**
 * A state, county or locality with the acting tenant's places in it (its own and its descendants'), their
 * reviews and the average rating of those reviews (null while there are none), as of the last refresh of the
 * map read model.
 */
public record MapArea(UUID locationId, UUID parentId, LocationLevel level, String name, double lat, double lng,
        long places, long reviews, BigDecimal averageRating) {
}
