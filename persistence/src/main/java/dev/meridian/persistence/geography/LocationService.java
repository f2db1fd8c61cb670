package dev.meridian.persistence.geography;

import java.util.List;
import java.util.UUID;

import dev.meridian.domain.geography.Location;
import dev.meridian.domain.geography.Season;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Reading the shared location hierarchy: one location, its children, its seasons, and the typeahead. */
@Stateless
public class LocationService {

    /** The most a typeahead answers, and how long a query may be. */
    public static final int MAX_MATCHES = 50;
    public static final int MAX_QUERY_LENGTH = 100;

    @Inject
    LocationRepository locations;

    public Location find(UUID id) {
        return locations.find(id).orElseThrow(() -> new ResourceNotFound("no location " + id));
    }

    public List<Location> children(UUID id, int first, int size) {
        return locations.children(find(id), first, size);
    }

    public List<Season> seasons(UUID id) {
        return locations.seasons(find(id));
    }

    /** Names starting with the query first, then the most similar; case does not matter. */
    public List<LocationMatch> typeahead(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new InvalidInput("q", "q is required");
        }
        if (query.strip().length() > MAX_QUERY_LENGTH) {
            throw new InvalidInput("q", "q is at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (limit < 1 || limit > MAX_MATCHES) {
            throw new InvalidInput("limit", "limit is from 1 to " + MAX_MATCHES);
        }
        return locations.typeahead(query.strip(), limit);
    }
}
