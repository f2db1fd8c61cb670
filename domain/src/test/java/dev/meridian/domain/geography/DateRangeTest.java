package dev.meridian.domain.geography;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static final DateRange WINTER = new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1));

    @Test
    void itsTextFormIsPostgresqlsCanonicalHalfOpenRange() {
        assertEquals("[2026-01-01,2026-03-01)", WINTER.toString());
        assertEquals(WINTER, DateRange.parse("[2026-01-01,2026-03-01)"));
        assertEquals(WINTER, DateRange.parse(WINTER.toString()));
    }

    @Test
    void otherBoundsAreReadIntoTheCanonicalForm() {
        assertEquals(WINTER, DateRange.parse("[2026-01-01,2026-02-28]"));
        assertEquals(WINTER, DateRange.parse("(2025-12-31,2026-03-01)"));
        assertEquals(WINTER, DateRange.inclusive(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void emptyUnboundedOrMalformedRangesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> DateRange.parse("[2026-01-01,)"));
        assertThrows(IllegalArgumentException.class, () -> DateRange.parse("empty"));
        assertThrows(IllegalArgumentException.class, () -> DateRange.parse("2026-01-01,2026-03-01"));
    }

    @Test
    void adjacentRangesDoNotOverlap() {
        var spring = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1));
        assertFalse(WINTER.overlaps(spring));
        assertTrue(WINTER.overlaps(new DateRange(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 2))));
        assertTrue(WINTER.contains(LocalDate.of(2026, 2, 28)));
        assertFalse(WINTER.contains(LocalDate.of(2026, 3, 1)));
    }
}
