package dev.meridian.domain.geography;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Days from {@code start} up to, not including, {@code endExclusive}: PostgreSQL's canonical
 * {@code daterange}, whose text form is {@code [2026-01-01,2026-03-01)}. Never empty, never unbounded.
 */
public record DateRange(LocalDate start, LocalDate endExclusive) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(endExclusive, "endExclusive");
        if (!start.isBefore(endExclusive)) {
            throw new IllegalArgumentException("a date range ends after it starts");
        }
    }

    /** From {@code first} to {@code last}, both days included. */
    public static DateRange inclusive(LocalDate first, LocalDate last) {
        return new DateRange(first, Objects.requireNonNull(last, "last").plusDays(1));
    }

    /**
     * Reads the text form, {@code [a,b)} as PostgreSQL writes it, and also the other bounds ({@code (a,b]} and so
     * on), turned into the canonical half-open form.
     */
    public static DateRange parse(String text) {
        Objects.requireNonNull(text, "text");
        var value = text.strip();
        int comma = value.indexOf(',');
        if (value.length() < 5 || comma < 0 || "[(".indexOf(value.charAt(0)) < 0
                || ")]".indexOf(value.charAt(value.length() - 1)) < 0) {
            throw new IllegalArgumentException("not a date range: " + text);
        }
        try {
            var lower = LocalDate.parse(unquote(value.substring(1, comma)));
            var upper = LocalDate.parse(unquote(value.substring(comma + 1, value.length() - 1)));
            return new DateRange(value.charAt(0) == '(' ? lower.plusDays(1) : lower,
                    value.charAt(value.length() - 1) == ']' ? upper.plusDays(1) : upper);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a bounded date range: " + text, e);
        }
    }

    private static String unquote(String bound) {
        var value = bound.strip();
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(endExclusive);
    }

    /** Whether the two share a day; adjacent ranges do not. */
    public boolean overlaps(DateRange other) {
        return start.isBefore(other.endExclusive) && other.start.isBefore(endExclusive);
    }

    /** The text form PostgreSQL reads and writes. */
    @Override
    public String toString() {
        return "[" + start + "," + endExclusive + ")";
    }
}
