package dev.meridian.web.api;

import dev.meridian.persistence.problems.InvalidInput;

/**
 * The {@code limit} of a keyset-paged list, parsed here rather than bound as an {@code int}: JAX-RS answers a
 * query parameter that does not convert with 404, and a client deserves to hear which field was wrong.
 */
public final class Limit {

    public static final int DEFAULT = 20;
    public static final int MAX = Paging.MAX_LIMIT;

    private Limit() {
    }

    public static int parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // the same answer as out of range
        }
        throw new InvalidInput("limit", "limit is from 1 to " + MAX);
    }
}
