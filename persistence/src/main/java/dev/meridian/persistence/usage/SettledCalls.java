package dev.meridian.persistence.usage;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * An organization's calls of one UTC month that the usage log holds from the month's start up to
 * {@code until}, a point far enough back that no write still in flight (requests wait up to a flush interval
 * in memory, on every instance) lands before it any more. A refresh then counts only the rows since
 * {@code until} instead of the whole month again, so its cost follows the refresh interval, not the month's
 * traffic.
 */
public record SettledCalls(YearMonth month, Instant until, long calls) {

    public static SettledCalls startOf(YearMonth month) {
        return new SettledCalls(month, month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), 0);
    }

    /** These calls and {@code more} counted from {@code until} to {@code newUntil}. */
    public SettledCalls plus(Instant newUntil, long more) {
        return new SettledCalls(month, newUntil, calls + more);
    }
}
