package dev.meridian.persistence.places;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A place as the moderation list shows it: its tenant, category and location path by name. */
public record PlaceRow(UUID id, String organization, String name, String categoryCode, String category,
        String location, String description, BigDecimal rating, int ratingsTotal, Instant updatedAt)
        implements
            Serializable {
}
