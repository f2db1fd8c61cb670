package dev.meridian.web.api;

import dev.meridian.persistence.problems.InvalidInput;

/**
 * An offset page of a list, checked here rather than with constraints on the query parameters, which break
 * Payara 6.2025.9's OpenAPI generation (see {@link RequestBodies}).
 */
public record Paging(int offset, int limit) {

    public static final int MAX_LIMIT = 100;

    public Paging {
        if (offset < 0) {
            throw new InvalidInput("offset", "offset is at least 0");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "limit is from 1 to " + MAX_LIMIT);
        }
    }
}
