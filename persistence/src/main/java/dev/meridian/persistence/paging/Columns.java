package dev.meridian.persistence.paging;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads the columns of a native query's result row, whatever Java type the driver chose for them. */
public final class Columns {

    private Columns() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    public static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    public static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** A page size the database is asked for: at least one row, at most {@code CAP} (a CSV export of a list). */
    public static int pageSize(int requested) {
        return Math.max(1, Math.min(requested, Counting.CAP));
    }
}
