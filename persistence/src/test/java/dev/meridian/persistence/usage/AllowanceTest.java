package dev.meridian.persistence.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.meridian.domain.audit.SecurityEventKind;

class AllowanceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void theRequestOverThePerMinuteLimitIsRefusedUntilTheNextMinute() {
        var allowance = new Allowance(new PlanLimits(2, 1000), SettledCalls.startOf(NOVEMBER), 0, NOW);

        assertTrue(allowance.admit(NOW).admitted());
        assertTrue(allowance.admit(NOW.plusSeconds(1)).admitted());
        var refused = allowance.admit(NOW.plusSeconds(2));

        assertEquals(Optional.of(SecurityEventKind.RATE_LIMITED), refused.refusal());
        assertEquals(2, refused.limit());
        assertEquals(28, refused.retryAfterSeconds(), "10:15:32 -> 10:16:00");
        assertTrue(allowance.admit(NOW.plusSeconds(30)).admitted(), "a new minute");
    }

    @Test
    void theMonthsQuotaCountsWhatTheDatabaseHadAndIsRefusedUntilTheNextMonth() {
        var allowance = new Allowance(new PlanLimits(100, 10), SettledCalls.startOf(NOVEMBER), 9, NOW);

        assertTrue(allowance.admit(NOW).admitted());
        var refused = allowance.admit(NOW);

        assertEquals(Optional.of(SecurityEventKind.QUOTA_EXCEEDED), refused.refusal());
        assertEquals(Duration.between(NOW, Instant.parse("2026-12-01T00:00:00Z")).toSeconds(),
                refused.retryAfterSeconds());
        assertTrue(allowance.admit(Instant.parse("2026-12-01T00:00:01Z")).admitted(), "a new month");
    }

    @Test
    void refusedRequestsDoNotUseUpTheQuota() {
        var allowance = new Allowance(new PlanLimits(1, 2), SettledCalls.startOf(NOVEMBER), 0, NOW);

        assertTrue(allowance.admit(NOW).admitted());
        for (int i = 0; i < 5; i++) {
            assertFalse(allowance.admit(NOW).admitted());
        }
        assertTrue(allowance.admit(NOW.plusSeconds(60)).admitted(), "one of two used, the refusals not counted");
    }

    @Test
    void eachWindowsFirstRefusalIsReportedOnce() {
        var allowance = new Allowance(new PlanLimits(1, 1000), SettledCalls.startOf(NOVEMBER), 0, NOW);
        allowance.admit(NOW);

        assertTrue(allowance.firstReport(allowance.admit(NOW)));
        assertFalse(allowance.firstReport(allowance.admit(NOW)));
        allowance.admit(NOW.plusSeconds(60));
        assertTrue(allowance.firstReport(allowance.admit(NOW.plusSeconds(61))), "the next minute's first");
    }

    @Test
    void aRefreshTakesTheLargerCountAndNewLimits() {
        var allowance = new Allowance(new PlanLimits(100, 5), SettledCalls.startOf(NOVEMBER), 0, NOW);
        allowance.admit(NOW);
        allowance.admit(NOW);

        allowance.refresh(new PlanLimits(100, 5), SettledCalls.startOf(NOVEMBER), 1, NOW);
        assertTrue(allowance.admit(NOW).admitted(), "3 of 5: the instance's own count stands");
        allowance.refresh(new PlanLimits(100, 5), SettledCalls.startOf(NOVEMBER), 5, NOW);
        assertFalse(allowance.admit(NOW).admitted(), "other instances used the rest");
        allowance.refresh(new PlanLimits(100, 50), SettledCalls.startOf(NOVEMBER), 5, NOW);
        assertTrue(allowance.admit(NOW).admitted(), "a bigger plan");
        assertFalse(allowance.dueAt(NOW.plusSeconds(59), Duration.ofMinutes(1)));
        assertTrue(allowance.dueAt(NOW.plusSeconds(60), Duration.ofMinutes(1)));
    }

    @Test
    void theNextRefreshCountsOnFromTheSettledPartOfThisMonthOrFromTheStartOfANewOne() {
        var settled = SettledCalls.startOf(NOVEMBER).plus(NOW.minusSeconds(120), 40);
        var allowance = new Allowance(new PlanLimits(100, 50), settled, 9, NOW);

        assertEquals(settled, allowance.settled(NOVEMBER));
        assertEquals(new SettledCalls(YearMonth.of(2026, 12), Instant.parse("2026-12-01T00:00:00Z"), 0),
                allowance.settled(YearMonth.of(2026, 12)));
        assertTrue(allowance.admit(NOW).admitted(), "40 settled and 9 later: 49 of 50");
        assertFalse(allowance.admit(NOW).admitted());
    }
}
