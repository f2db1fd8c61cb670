package dev.meridian.domain.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PlanTest {

    private static Plan plan() {
        return new Plan("team", " Team ", 100_000, 120, new BigDecimal("0.75"));
    }

    @Test
    void aNewPlanKeepsItsTermsWithTheNameTrimmed() {
        var plan = plan();
        assertEquals("team", plan.getCode());
        assertEquals("Team", plan.getName());
        assertEquals(100_000, plan.getMonthlyRequestQuota());
        assertEquals(120, plan.getRequestsPerMinute());
        assertEquals(new BigDecimal("0.75"), plan.getPricePerThousandCalls());
    }

    @Test
    void aCodeIsLowerCaseLettersDigitsAndHyphens() {
        for (var code : new String[]{null, "", "Team", "-team", "team plan", "a".repeat(41)}) {
            assertThrows(IllegalArgumentException.class, () -> new Plan(code, "Team", 1, 1, BigDecimal.ZERO), code);
        }
    }

    @Test
    void limitsArePositiveAndAPriceIsZeroOrMoreWithFourDecimalsAtMost() {
        var plan = plan();
        assertThrows(IllegalArgumentException.class, () -> plan.revise("Team", 0, 120, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> plan.revise("Team", 100, -1, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> plan.revise("Team", 100, 120, new BigDecimal("-0.01")));
        assertThrows(IllegalArgumentException.class, () -> plan.revise("Team", 100, 120, new BigDecimal("0.00001")));
        assertThrows(IllegalArgumentException.class, () -> plan.revise("Team", 100, 120, new BigDecimal("1e8")));
        assertThrows(IllegalArgumentException.class, () -> plan.revise("Team", 100, 120, null));
        assertThrows(IllegalArgumentException.class, () -> plan.revise(" ", 100, 120, BigDecimal.ONE));
        assertEquals(120, plan.getRequestsPerMinute(), "a refused revision changes nothing");

        plan.revise("Team+", 200, 240, BigDecimal.ZERO);
        assertEquals(240, plan.getRequestsPerMinute());
        assertEquals(BigDecimal.ZERO, plan.getPricePerThousandCalls());
    }
}
