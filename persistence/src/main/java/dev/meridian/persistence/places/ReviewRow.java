package dev.meridian.persistence.places;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A review as the moderation list shows it, with its place and author by name. */
public record ReviewRow(UUID id, String organization, String place, String category, String location,
        String author, int rating, String comment, Instant createdAt) implements Serializable {
}
