package dev.meridian.persistence.geography;

import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.meridian.domain.geography.Location;
import dev.meridian.domain.geography.Season;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import dev.meridian.persistence.settings.CacheLifetime;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reading the shared location hierarchy: one location, its children, its seasons, and the typeahead. It only
 * checks input and reads, so it is no EJB of its own: each repository call is its transaction (or joins the
 * caller's), and the API's requests skip a second container invocation.
 *
 * <p>
 * Typeahead answers are kept in memory for {@code MERIDIAN_TYPEAHEAD_CACHE_SECONDS} (60 by default, 0 for
 * none), the 10,000 most recently used: the read model they come from is the same for every tenant and
 * changes only when a job refreshes it, while clients send the same few letters over and over. An answer is
 * at most that much older than the read model.
 */
@ApplicationScoped
public class LocationService {

    /** The most a typeahead answers, and how long a query may be. */
    public static final int MAX_MATCHES = 50;
    public static final int MAX_QUERY_LENGTH = 100;
    private static final int CACHED_QUERIES = 10_000;

    private record Typeahead(String query, int limit) {
    }

    @Inject
    LocationRepository locations;

    private Cache<Typeahead, List<LocationMatch>> typeaheads;

    @PostConstruct
    void configure() {
        var lifetime = CacheLifetime.of("MERIDIAN_TYPEAHEAD_CACHE_SECONDS", 60);
        typeaheads = Caffeine.newBuilder()
                .maximumSize(lifetime.isZero() ? 0 : CACHED_QUERIES)
                .expireAfterWrite(lifetime)
                .build();
    }

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
        var key = new Typeahead(query.strip(), limit);
        var known = typeaheads.getIfPresent(key);
        if (known != null) {
            return known;
        }
        // read outside the cache's lock: two callers may both read the same answer, and neither waits
        var found = locations.typeahead(key.query(), limit);
        typeaheads.put(key, found);
        return found;
    }
}
