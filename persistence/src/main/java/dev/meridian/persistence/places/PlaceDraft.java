package dev.meridian.persistence.places;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a client says a place is, for creating or replacing one: every writable field, absent ones empty.
 * {@code category} is a category code, {@code openingHours} a JSON object's text.
 */
public record PlaceDraft(String name, Double lat, Double lng, String category, String locationId,
        String description, String openingHours, List<String> types, String externalRef) {

    public PlaceDraft {
        // copied as given, nulls too: the place refuses them, naming the field
        types = types == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(types));
    }
}
