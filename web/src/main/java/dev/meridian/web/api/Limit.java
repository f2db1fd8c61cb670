package dev.meridian.web.api;

import dev.meridian.persistence.problems.InvalidInput;

/**
 * The {@code limit} of a keyset-paged list: a whole number (see {@link QueryParameters}) from 1 to
 * {@link #MAX}.
 */
public final class Limit {

    public static final int DEFAULT = 20;
    public static final int MAX = Paging.MAX_LIMIT;

    private Limit() {
    }

    public static int parse(String value) {
        int limit = QueryParameters.integer("limit", value, DEFAULT);
        if (limit < 1 || limit > MAX) {
            throw new InvalidInput("limit", "limit is from 1 to " + MAX);
        }
        return limit;
    }
}
