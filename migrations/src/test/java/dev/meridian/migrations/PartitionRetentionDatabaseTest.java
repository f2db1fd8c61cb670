package dev.meridian.migrations;

import static dev.meridian.migrations.Jdbc.count;
import static dev.meridian.migrations.Jdbc.strings;
import static dev.meridian.migrations.Jdbc.withoutContext;
import static dev.meridian.migrations.SqlStates.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retention of the monthly log partitions (R__partition_retention.sql), called as the scheduled job calls it:
 * by the application role, which owns no partition and may drop one only through the owner's functions.
 */
class PartitionRetentionDatabaseTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migratedPerTestClass();

    @Test
    void monthsPastRetentionAreDroppedAndTheRetainedOnesKept() throws SQLException {
        var thisMonth = YearMonth.now(ZoneOffset.UTC);
        for (var log : List.of("usage_log", "change_log")) {
            // the functions are named meridian_ensure_usage_partitions, meridian_drop_expired_change_log_partitions
            var area = log.equals("usage_log") ? "usage" : log;
            try (var app = withoutContext(database)) {
                // 14 and 13 months ago (past a 12-month retention), 12 months ago and last month (kept)
                for (int monthsAgo : List.of(14, 13, 12, 1)) {
                    count(app, "SELECT meridian_ensure_%s_partitions(?, 1)".formatted(area),
                            thisMonth.minusMonths(monthsAgo).atDay(1));
                }
                var drop = "SELECT meridian_drop_expired_%s_partitions(12)".formatted(area);
                assertEquals(2, count(app, drop));
                assertEquals(0, count(app, drop), "nothing left to drop");
                app.commit();
            }
            assertEquals(List.of(partition(log, thisMonth.minusMonths(12)), partition(log, thisMonth.minusMonths(1)),
                    partition(log, thisMonth), partition(log, thisMonth.plusMonths(1)),
                    partition(log, thisMonth.plusMonths(2))), partitions(log));
        }
    }

    @Test
    void aPartitionNotNamedByTheHelperIsNeverDropped() throws SQLException {
        var old = YearMonth.now(ZoneOffset.UTC).minusMonths(30);
        try (var superuser = database.connectAsSuperuser()) {
            Jdbc.update(superuser, "CREATE TABLE usage_log_archive PARTITION OF usage_log"
                    + " FOR VALUES FROM ('%s') TO ('%s')".formatted(old.atDay(1), old.plusMonths(1).atDay(1)));
        }
        try (var app = withoutContext(database)) {
            count(app, "SELECT meridian_drop_expired_usage_partitions(1)");
            app.commit();
        }
        assertEquals(1, partitions("usage_log").stream().filter("usage_log_archive"::equals).count());
        try (var superuser = database.connectAsSuperuser()) {
            Jdbc.update(superuser, "DROP TABLE usage_log_archive");
        }
    }

    @Test
    void theApplicationMayNotCallTheSharedHelperNorAskForLessThanAMonth() throws SQLException {
        try (var app = withoutContext(database)) {
            assertSqlState("42501", app, "SELECT meridian_drop_monthly_partitions_before('usage_log', now()::date)");
            app.rollback();
        }
        try (var app = withoutContext(database)) {
            assertSqlState("P0001", app, "SELECT meridian_drop_expired_usage_partitions(0)");
            app.rollback();
        }
    }

    private static List<String> partitions(String log) throws SQLException {
        try (var superuser = database.connectAsSuperuser()) {
            return strings(superuser, """
                    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                    WHERE i.inhparent = ?::regclass ORDER BY c.relname""", log);
        }
    }

    private static String partition(String log, YearMonth month) {
        return "%s_y%04dm%02d".formatted(log, month.getYear(), month.getMonthValue());
    }
}
