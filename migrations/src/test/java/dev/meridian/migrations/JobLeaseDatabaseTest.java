package dev.meridian.migrations;

import static dev.meridian.migrations.AccessAssertions.assertPermissionDenied;
import static dev.meridian.migrations.AccessAssertions.assertPolicyViolated;
import static dev.meridian.migrations.Jdbc.asPlatform;
import static dev.meridian.migrations.Jdbc.asTenant;
import static dev.meridian.migrations.Jdbc.count;
import static dev.meridian.migrations.Jdbc.strings;
import static dev.meridian.migrations.Jdbc.update;
import static dev.meridian.migrations.Jdbc.withoutContext;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scheduled jobs' database side, as the application role sees it: job runs are platform-only data, and the
 * transaction-level advisory lock a job takes as its lease lets exactly one of several racing transactions
 * run it and is free again as soon as the winner's transaction ends.
 */
class JobLeaseDatabaseTest {

    private static final String START_RUN = """
            INSERT INTO job_run (id, job, started_at, instance)
            VALUES (?, 'refresh-read-models', now(), 'test@host')""";
    private static final String TRY_LEASE = "SELECT pg_try_advisory_xact_lock(?)";
    // any stable 64-bit key will do here; the application derives its keys from the job name
    private static final long LEASE = 0x6d6572696469616eL;

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migratedPerTestClass();

    @Test
    void jobRunsAreInvisibleAndUnwritableOutsidePlatformScope() throws SQLException {
        var run = UUID.randomUUID();
        try (var app = asPlatform(database)) {
            assertEquals(1, update(app, START_RUN, run));
            assertEquals(List.of("succeeded"), strings(app, """
                    UPDATE job_run SET outcome = 'succeeded', finished_at = now(), rows_affected = 3 WHERE id = ?
                    RETURNING outcome""", run));
            app.commit();
        }
        var world = World.create(database);
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertEquals(0, count(app, "SELECT count(*) FROM job_run WHERE id = ?", run));
            assertEquals(0, update(app, "UPDATE job_run SET detail = 'tampered' WHERE id = ?", run));
            assertPolicyViolated(app, START_RUN, UUID.randomUUID());
            app.rollback();
        }
        try (var app = withoutContext(database)) {
            assertEquals(0, count(app, "SELECT count(*) FROM job_run"));
            assertEquals(0, update(app, "UPDATE job_run SET detail = 'tampered' WHERE id = ?", run));
            assertPolicyViolated(app, START_RUN, UUID.randomUUID());
            app.rollback();
        }
        try (var app = asPlatform(database)) {
            assertEquals(List.of("succeeded 3 null"), strings(app,
                    "SELECT outcome || ' ' || rows_affected || ' ' || coalesce(detail, 'null') FROM job_run"
                            + " WHERE id = ?",
                    run));
            // the history is kept: the application never deletes a run
            assertPermissionDenied(app, "DELETE FROM job_run WHERE id = ?", run);
            app.rollback();
        }
    }

    @Test
    void theUsageRollupReachesTheDayBeforeItsLatestSuccessfulRunAndAnyScopeMayAsk() throws SQLException {
        var finishedRun = """
                INSERT INTO job_run (id, job, started_at, finished_at, instance, outcome)
                VALUES (?, 'roll-up-usage', ?::timestamptz, ?::timestamptz + interval '1 minute', 'test@host', ?)""";
        var reach = "SELECT coalesce(meridian_usage_rolled_up_through()::text, 'never')";
        try (var app = asPlatform(database)) {
            assertEquals(List.of("never"), strings(app, reach));
            update(app, finishedRun, UUID.randomUUID(), "2026-03-10T00:15:00Z", "2026-03-10T00:15:00Z", "succeeded");
            update(app, finishedRun, UUID.randomUUID(), "2026-03-11T00:15:00Z", "2026-03-11T00:15:00Z", "failed");
            app.commit();
        }
        try (var app = withoutContext(database)) {
            assertEquals(List.of("2026-03-09"), strings(app, reach),
                    "a failed run reached nothing; no scope is needed to read how far the rollup reached");
            app.rollback();
        }
    }

    @Test
    void aRunningRunHasNoEndAndAFinishedOneHasOne() throws SQLException {
        try (var app = asPlatform(database)) {
            SqlStates.assertSqlState("23514", app, """
                    INSERT INTO job_run (id, job, started_at, instance, outcome)
                    VALUES (?, 'refresh-read-models', now(), 'test@host', 'succeeded')""", UUID.randomUUID());
            SqlStates.assertSqlState("23514", app, """
                    INSERT INTO job_run (id, job, started_at, finished_at, instance)
                    VALUES (?, 'refresh-read-models', now(), now(), 'test@host')""", UUID.randomUUID());
            SqlStates.assertSqlState("23514", app, """
                    INSERT INTO job_run (id, job, started_at, instance, outcome)
                    VALUES (?, 'refresh-read-models', now(), 'test@host', 'lost')""", UUID.randomUUID());
            app.rollback();
        }
    }

    @Test
    void exactlyOneOfTwoRacingTransactionsTakesTheLeaseAndItIsFreeAgainAfterCommit() throws Exception {
        var ready = new CountDownLatch(2);
        var go = new CountDownLatch(1);
        var executor = Executors.newFixedThreadPool(2);
        try (var first = withoutContext(database); var second = withoutContext(database)) {
            var firstTook = executor.submit(() -> race(first, ready, go));
            var secondTook = executor.submit(() -> race(second, ready, go));
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            boolean a = firstTook.get(10, TimeUnit.SECONDS);
            boolean b = secondTook.get(10, TimeUnit.SECONDS);

            assertEquals(1, (a ? 1 : 0) + (b ? 1 : 0), "exactly one wins: " + a + ", " + b);
            var winner = a ? first : second;
            var loser = a ? second : first;
            // the loser asks again while the winner still works: still taken, and asking did not wait
            assertEquals(List.of("f"), strings(loser, TRY_LEASE, LEASE));

            winner.commit();
            assertEquals(List.of("t"), strings(loser, TRY_LEASE, LEASE), "free once the winner committed");
            loser.rollback();
            assertEquals(List.of("t"), strings(winner, TRY_LEASE, LEASE), "and free again after a rollback");
            winner.rollback();
        } finally {
            executor.shutdownNow();
        }
    }

    private static boolean race(Connection connection, CountDownLatch ready, CountDownLatch go) throws Exception {
        ready.countDown();
        go.await(10, TimeUnit.SECONDS);
        return strings(connection, TRY_LEASE, LEASE).equals(List.of("t"));
    }
}
