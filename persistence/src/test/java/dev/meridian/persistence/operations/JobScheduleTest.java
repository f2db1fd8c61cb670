package dev.meridian.persistence.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jakarta.ejb.EJBException;

class JobScheduleTest {

    private static final String SETTING = "MERIDIAN_JOB_TEST_SCHEDULE";

    @Test
    void minuteAndHourMakeADailyCalendarInUtc() {
        var expression = JobSchedule.parse(SETTING, " */10   * ").expression().orElseThrow();

        assertEquals("0", expression.getSecond());
        assertEquals("*/10", expression.getMinute());
        assertEquals("*", expression.getHour());
        assertEquals("*", expression.getDayOfWeek());
        assertEquals("UTC", expression.getTimezone());
    }

    @Test
    void offInAnyCaseTurnsTheJobOff() {
        assertTrue(JobSchedule.parse(SETTING, "OFF").expression().isEmpty());
    }

    @Test
    void anythingButTwoFieldsIsRefusedNamingTheSetting() {
        for (var wrong : new String[]{"", "0", "0 1 * * *", "daily"}) {
            var refused = assertThrows(IllegalArgumentException.class, () -> JobSchedule.parse(SETTING, wrong));
            assertTrue(refused.getMessage().contains(SETTING), refused.getMessage());
        }
    }

    @Test
    void leaseKeysAreStableAndDifferPerJob() {
        // the key is part of the cluster's contract: instances of different builds must agree on it
        assertNotEquals(JobLease.key(RefreshReadModels.NAME), JobLease.key(SnapshotRowCounts.NAME));
        assertEquals(6248844288581648431L, JobLease.key(RefreshReadModels.NAME));
    }

    @Test
    void aFailureIsDescribedByItsCausesWithoutContainerWrappers() {
        var failure = new EJBException(new IllegalStateException("partition missing",
                new RuntimeException("ERROR: relation \"usage_log\" does not exist")));

        assertEquals("IllegalStateException: partition missing <- RuntimeException: ERROR: relation \"usage_log\""
                + " does not exist", JobRunner.describe(failure));
    }
}
