package dev.meridian.domain.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class UsageFiguresTest {

    @Test
    void errorsNeverExceedCalls() {
        assertThrows(IllegalArgumentException.class, () -> new UsageFigures(1, 2, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new UsageFigures(-1, 0, 0, 0, 0, 0));
        assertEquals(0.25, new UsageFigures(4, 1, 10, 20, 0, 0).errorRate());
        assertEquals(0, new UsageFigures(0, 0, 0, 0, 0, 0).errorRate());
    }

    @Test
    void aRerunRollupReplacesTheDaysFigures() {
        var day = new UsageDaily(UUID.randomUUID(), null, LocalDate.of(2026, 3, 1),
                new UsageFigures(10, 1, 12.5, 40, 100, 2000));
        day.recount(new UsageFigures(11, 1, 12.0, 40, 110, 2100));
        assertEquals(11, day.getFigures().calls());
        assertEquals(true, day.getApiKeyId().isEmpty(), "requests without a key roll up under none");
    }
}
