package dev.meridian.persistence.paging;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Query;

/**
 * The WHERE clause of a list's native query, built from the filters that are set: each condition with its one
 * bound value, never a value spliced into SQL. A blank text or a null value leaves its filter out.
 */
public final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Adds {@code clause}, whose one {@code ?} takes {@code value}, when the value is set. */
    public Conditions add(String clause, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return this;
        }
        values.add(value instanceof String text ? text.strip() : value);
        clauses.add(clause.replace("?", "?" + values.size()));
        return this;
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    /** {@code " WHERE a AND b"}, or nothing when no filter is set. */
    public String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Binds the filters' values to a query built with {@link #where()}. */
    public Query bind(Query query) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }
}
