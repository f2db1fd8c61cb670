package dev.meridian.persistence.geography;

import java.util.UUID;

import dev.meridian.domain.geography.LocationLevel;

/** One typeahead answer: a location with the label that tells it apart ("Springfield, Sangamon, IL"). */
public record LocationMatch(UUID id, UUID parentId, LocationLevel level, String name, String label, double lat,
        double lng, String timeZone) {
}
