package dev.meridian.migrations.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class BackupRetentionTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T01:00:00Z");

    @Test
    void keepsTheNewestOfEachOfTheLastDaysAndDeletesOlderOnes() {
        var backups = List.of(MONDAY, MONDAY.minus(1, ChronoUnit.HOURS), days(1), days(2), days(3));

        assertEquals(Set.of(MONDAY.minus(1, ChronoUnit.HOURS), days(2), days(3)),
                new BackupRetention(2, 0, 0).expired(backups));
    }

    @Test
    void weeklyAndMonthlyBackupsOutliveTheDailyOnes() {
        // one backup a day for a year, newest first
        var backups = new ArrayList<Instant>();
        for (int i = 0; i < 365; i++) {
            backups.add(days(i));
        }

        var expired = new BackupRetention(7, 4, 3).expired(backups);
        var kept = backups.stream().filter(at -> !expired.contains(at)).collect(Collectors.toSet());

        // 7 days; the newest of the 4 latest ISO weeks (this Monday, then the Sundays before: 3 more); the newest
        // of 3 months (Nov 23, Oct 31, Sep 30)
        assertEquals(Set.of(MONDAY, days(1), days(2), days(3), days(4), days(5), days(6), days(8), days(15),
                days(23), days(54)), kept);
    }

    @Test
    void atLeastOneDailyBackupIsKept() {
        assertThrows(IllegalArgumentException.class, () -> new BackupRetention(0, 26, 24));
        assertEquals(Set.of(), new BackupRetention(1, 0, 0).expired(List.of(MONDAY)));
    }

    private static Instant days(int ago) {
        return MONDAY.minus(ago, ChronoUnit.DAYS);
    }
}
