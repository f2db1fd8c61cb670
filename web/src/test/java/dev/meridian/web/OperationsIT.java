package dev.meridian.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import dev.meridian.domain.operations.JobOutcome;
import dev.meridian.domain.operations.JobRun;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.operations.Job;
import dev.meridian.persistence.operations.JobLease;
import dev.meridian.persistence.operations.JobRunRepository;
import dev.meridian.persistence.operations.JobRunner;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;

/**
 * The scheduled jobs on Payara Micro against a fresh PostgreSQL database, run by the tests themselves (their
 * schedules are off in {@link MeridianDeployment}): each does its work, records its run, and runs once when
 * two runners race for it; a failing job is retried with backoff and its last failure raises an event. Every
 * test works on data of its own (random organizations, unique job names).
 */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

    private static final String REFRESH_READ_MODELS = "refresh-read-models";
    private static final String MAINTAIN_PARTITIONS = "maintain-partitions";
    private static final String SNAPSHOT_ROW_COUNTS = "snapshot-row-counts";
    private static final String ROLL_UP_USAGE = "roll-up-usage";
    private static final String SNAPSHOT_HEALTH = "snapshot-health";
    private static final String BACKUP = "backup";
    private static final String PUBLIC_TABLES = """
            SELECT count(*) FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relkind IN ('r', 'p') AND NOT t.relispartition""";
    private static final String DAILY_USAGE = """
            SELECT concat_ws('|', calls, errors, avg_duration_ms, p95_duration_ms, request_bytes, response_bytes)
            FROM usage_daily WHERE organization_id = ?::uuid AND day = ?::date
            ORDER BY api_key_id NULLS LAST""";

    private static final String INSERT_REQUEST = """
            INSERT INTO usage_log (occurred_at, organization_id, api_key_id, user_id, method, route, status,
                                   duration_ms, request_bytes, response_bytes)
            VALUES (?::timestamptz, ?::uuid, ?::uuid, ?::uuid, 'GET', '/api/v1/places', ?, ?, 100, 1000)""";

    @Deployment
    static WebArchive deployment() {
        return MeridianDeployment.create();
    }

    @Inject
    ActingContext context;

    @Inject
    JobRunner jobs;

    @Inject
    JobRunRepository jobRuns;

    @Resource(lookup = "java:app/jdbc/meridian")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Test
    void refreshingReadModelsAndSnapshottingRowCountsRecordSucceededRuns() throws Exception {
        var refreshed = succeeded(REFRESH_READ_MODELS);
        assertEquals(3, refreshed.getRowsAffected().getAsLong(), "the three read models are populated");

        var snapshot = succeeded(SNAPSHOT_ROW_COUNTS);
        long tables = onPlatform(PUBLIC_TABLES);
        assertTrue(tables > 20, "every table of the data model: " + tables);
        assertEquals(tables, snapshot.getRowsAffected().getAsLong(), "one snapshot row per table");
        assertEquals(tables, onPlatform("""
                SELECT count(DISTINCT table_name) FROM row_count_snapshot
                WHERE taken_at = (SELECT max(taken_at) FROM row_count_snapshot)"""));
        assertEquals(4, onPlatform("""
                SELECT count(*) FROM row_count_snapshot
                WHERE taken_at = (SELECT max(taken_at) FROM row_count_snapshot)
                  AND table_name IN ('job_run', 'usage_log', 'organization', 'flyway_schema_history')"""),
                "partitioned tables count once, under their own name");

        var recorded = context.asSystem(() -> jobRuns.latest(SNAPSHOT_ROW_COUNTS, 1));
        assertEquals(List.of(snapshot.getId()), recorded.stream().map(JobRun::getId).toList());
        assertEquals(JobOutcome.SUCCEEDED, recorded.get(0).getOutcome());
    }

    @Test
    void maintainingPartitionsTwiceCreatesNothingTheSecondTime() {
        var first = succeeded(MAINTAIN_PARTITIONS);
        var second = succeeded(MAINTAIN_PARTITIONS);

        assertEquals(0, second.getRowsAffected().getAsLong(), "this month and the next two exist already");
        assertEquals(2, context.asSystem(() -> jobRuns.latest(MAINTAIN_PARTITIONS, 10)).stream()
                .filter(run -> run.getId().equals(first.getId()) || run.getId().equals(second.getId())).count());
    }

    @Test
    void maintainingPartitionsDropsMonthsPastRetentionAndKeepsTheRest() throws SQLException {
        var thisMonth = YearMonth.now(ZoneOffset.UTC);
        // defaults: usage 12 months, audit 6 months before this one
        try (var app = dataSource.getConnection()) {
            for (int monthsAgo : List.of(13, 12)) {
                number(app, "SELECT meridian_ensure_usage_partitions(?, 1)",
                        thisMonth.minusMonths(monthsAgo).atDay(1));
            }
            for (int monthsAgo : List.of(7, 6)) {
                number(app, "SELECT meridian_ensure_change_log_partitions(?, 1)",
                        thisMonth.minusMonths(monthsAgo).atDay(1));
            }
        }

        var run = succeeded(MAINTAIN_PARTITIONS);

        assertEquals(2, run.getRowsAffected().getAsLong(), "one month of each log dropped");
        assertFalse(partitionExists(partition("usage_log", thisMonth.minusMonths(13))));
        assertTrue(partitionExists(partition("usage_log", thisMonth.minusMonths(12))));
        assertFalse(partitionExists(partition("change_log", thisMonth.minusMonths(7))));
        assertTrue(partitionExists(partition("change_log", thisMonth.minusMonths(6))));
        assertTrue(partitionExists(partition("usage_log", thisMonth.plusMonths(2))), "months ahead stay");
    }

    @Test
    void rollingUpUsageSumsYesterdaysCallsPerKeyAndItsRequestsPerOrganizationAndAgainGivesTheSameRows()
            throws SQLException {
        var organization = UUID.randomUUID();
        var key = UUID.randomUUID();
        var yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        var noon = yesterday + "T12:00:00Z";
        try (var app = platformConnection()) {
            number(app, "SELECT meridian_ensure_usage_partitions(?, 1)", yesterday);
            for (int duration = 10; duration <= 100; duration += 10) {
                update(app, INSERT_REQUEST, noon, organization, key, UUID.randomUUID(), duration == 100 ? 500 : 200,
                        duration);
            }
            // keyless (signed in with a password), a client error, a refusal by the quota, which is a request but
            // not a call, and a request of today that is not rolled up
            update(app, INSERT_REQUEST, noon, organization, null, null, 404, 7);
            update(app, INSERT_REQUEST, noon, organization, key, null, 429, 1);
            update(app, INSERT_REQUEST, yesterday.plusDays(1) + "T00:00:01Z", organization, key, null, 200, 1);
            app.commit();
        }

        var first = succeeded(ROLL_UP_USAGE);
        var calls = strings(DAILY_USAGE, organization, yesterday);
        var second = succeeded(ROLL_UP_USAGE);

        assertTrue(first.getRowsAffected().getAsLong() >= 3, "two usage_daily rows and one daily_metrics row");
        assertTrue(second.getRowsAffected().getAsLong() >= 3, "the same rows again");
        assertEquals(List.of("10|1|55|100|1000|10000", "1|1|7|7|100|1000"), calls);
        assertEquals(calls, strings(DAILY_USAGE, organization, yesterday), "rewritten alike");
        assertEquals(List.of("12|3|10|0|0|0|0.0000|1"), strings("""
                SELECT concat_ws('|', requests, errors, active_users, new_users, reviews, notifications, cost, version)
                FROM daily_metrics WHERE organization_id = ?::uuid AND day = ?::date""", organization, yesterday),
                "one row, rewritten by the second run (version 1)");
        assertEquals(List.of(yesterday.toString()), strings("SELECT meridian_usage_rolled_up_through()::text"),
                "the rollup reached yesterday");
    }

    @Test
    void aHealthSnapshotRecordsTheInstanceTheDatabaseAndRecentResponseTimes() throws SQLException {
        var organization = UUID.randomUUID();
        try (var app = platformConnection()) {
            for (int duration = 1; duration <= 100; duration++) {
                update(app, INSERT_REQUEST, java.time.Instant.now().toString(), organization, null, null, 200,
                        duration);
            }
            app.commit();
        }

        var run = succeeded(SNAPSHOT_HEALTH);

        assertEquals(1, run.getRowsAffected().getAsLong());
        var snapshot = strings(
                """
                        SELECT concat_ws('|', heap_used_bytes > 0 AND heap_max_bytes >= heap_used_bytes, disk_free_bytes > 0,
                                         pool_in_use >= 1 AND db_connections >= pool_in_use, notification_queue_depth,
                                         p50_ms BETWEEN 1 AND 100 AND p95_ms BETWEEN p50_ms AND 100 AND p99_ms BETWEEN p95_ms AND 100,
                                         status IN ('UP', 'DEGRADED'), cpu_load IS NULL OR cpu_load >= 0)
                        FROM system_health_snapshot ORDER BY taken_at DESC LIMIT 1""");
        assertEquals(List.of("t|t|t|0|t|t|t"), snapshot);
    }

    @Test
    void aBackupIsTakenAndRestoresIntoAScratchDatabaseWithEqualRowCounts() throws Exception {
        var config = ConfigProvider.getConfig();
        var owner = config.getValue("DATABASE_OWNER_USER", String.class);
        try (var superuser = superuser().getConnection(); var sql = superuser.createStatement()) {
            // what README asks of the owner for backups
            sql.execute("ALTER ROLE " + owner + " BYPASSRLS CREATEDB");
        }

        var run = succeeded(BACKUP);

        var note = run.getDetail().orElseThrow();
        assertTrue(note.contains("restore check passed") && note.contains("counts equal"), note);
        assertTrue(run.getRowsAffected().getAsLong() > 0, "rows backed up");
        var directory = Path.of(config.getValue("MERIDIAN_BACKUP_DIR", String.class));
        try (var files = Files.list(directory)) {
            assertEquals(1, files.filter(file -> file.toString().endsWith(".dump")).count(), note);
        }
    }

    @Test
    void aFailingJobIsRetriedWithBackoffAndItsLastFailureRaisesAnEvent() throws Exception {
        var probe = unique("failing-job-probe");
        Job failing = new Job() {
            @Override
            public String name() {
                return probe;
            }

            @Override
            public long run(EntityManager entityManager) {
                entityManager.createNativeQuery("INSERT INTO row_count_snapshot (id, table_name, row_count, taken_at)"
                        + " VALUES (gen_random_uuid(), ?1, 1, now())").setParameter(1, probe).executeUpdate();
                throw new IllegalStateException("disk full");
            }
        };

        var first = jobs.run(failing).orElseThrow(() -> new AssertionError("lease not taken"));

        assertEquals(JobOutcome.FAILED, first.getOutcome());
        assertEquals(1, first.getAttempt());
        var detail = first.getDetail().orElseThrow();
        assertTrue(detail.contains("IllegalStateException: disk full"), detail);
        assertFalse(detail.contains("\tat "), "no stack trace: " + detail);
        // retries after 1 s and 2 s (MERIDIAN_JOB_RETRY_DELAY_SECONDS=1), then the event
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (onPlatform("SELECT count(*) FROM security_event WHERE kind = 'job_failed' AND detail ->> 'job' = '"
                + probe + "'") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        Thread.sleep(3000); // long enough for a fourth attempt, were there one
        var runs = new ArrayList<>(context.asSystem(() -> jobRuns.latest(probe, 10)));
        java.util.Collections.reverse(runs);
        assertEquals(List.of(1, 2, 3), runs.stream().map(JobRun::getAttempt).toList(), "three attempts, no more");
        assertTrue(runs.stream().allMatch(run -> run.getOutcome() == JobOutcome.FAILED));
        assertTrue(Duration.between(runs.get(0).getStartedAt(), runs.get(1).getStartedAt()).toMillis() >= 1000);
        assertTrue(Duration.between(runs.get(1).getStartedAt(), runs.get(2).getStartedAt()).toMillis() >= 2000,
                "the second retry waits twice as long");
        assertEquals(List.of("3|" + runs.get(2).getId() + "|IllegalStateException: disk full"), strings("""
                SELECT concat_ws('|', detail ->> 'attempts', detail ->> 'runId', detail ->> 'error')
                FROM security_event WHERE kind = 'job_failed' AND detail ->> 'job' = ? AND organization_id IS NULL""",
                probe));
        assertEquals(0, onPlatform("SELECT count(*) FROM row_count_snapshot WHERE table_name = '" + probe + "'"),
                "every attempt's work is rolled back");
    }

    @Test
    void aJobWhoseLeaseAnotherTransactionHoldsDoesNotRunUntilItIsReleased() throws Exception {
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var other = Executors.newSingleThreadExecutor();
        try {
            // another instance's job transaction, on a connection of its own
            var holder = other.submit(() -> {
                try (var connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try (var lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                        lock.setLong(1, JobLease.key(SNAPSHOT_ROW_COUNTS));
                        try (var taken = lock.executeQuery()) {
                            taken.next();
                            assertTrue(taken.getBoolean(1), "the holder takes the lease");
                        }
                    }
                    held.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    connection.rollback();
                }
                return null;
            });
            assertTrue(held.await(10, TimeUnit.SECONDS), "the holder took no lease");
            long runsBefore = context.asSystem(() -> jobRuns.count(SNAPSHOT_ROW_COUNTS));
            long snapshotsBefore = onPlatform("SELECT count(*) FROM row_count_snapshot");

            assertTrue(jobs.run(SNAPSHOT_ROW_COUNTS).isEmpty(), "the job ran under another's lease");
            assertEquals(runsBefore, context.asSystem(() -> jobRuns.count(SNAPSHOT_ROW_COUNTS)), "no run recorded");
            assertEquals(snapshotsBefore, onPlatform("SELECT count(*) FROM row_count_snapshot"), "no work done");

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            succeeded(SNAPSHOT_ROW_COUNTS);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void twoRunnersRacingForTheSameJobRunItOnce() throws Exception {
        var name = unique("raced-job");
        Job slow = new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long run(EntityManager entityManager) {
                try {
                    // long enough for the other runner to try the lease while this one holds it
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            }
        };
        var start = new CyclicBarrier(2);
        var runners = new ArrayList<Future<Optional<JobRun>>>();
        for (int i = 0; i < 2; i++) {
            // two container threads, as two instances' timers would be
            runners.add(executor.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return jobs.run(slow);
            }));
        }

        var ran = new ArrayList<JobRun>();
        for (var runner : runners) {
            runner.get(30, TimeUnit.SECONDS).ifPresent(ran::add);
        }

        assertEquals(1, ran.size(), "exactly one runner ran it");
        assertEquals(JobOutcome.SUCCEEDED, ran.get(0).getOutcome());
        assertEquals(1, context.asSystem(() -> jobRuns.count(name)), "exactly one run recorded");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private JobRun succeeded(String job) {
        var run = jobs.run(job).orElseThrow(() -> new AssertionError("lease not taken: " + job));
        assertEquals(job, run.getJob());
        assertEquals(JobOutcome.SUCCEEDED, run.getOutcome(), () -> run.getDetail().orElse("no detail"));
        assertTrue(run.getFinishedAt().isPresent(), "finished");
        assertTrue(run.getRowsAffected().isPresent(), "rows affected recorded");
        return run;
    }

    private static String unique(String name) {
        return name + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static String partition(String log, YearMonth month) {
        return "%s_y%04dm%02d".formatted(log, month.getYear(), month.getMonthValue());
    }

    private static boolean partitionExists(String name) throws SQLException {
        try (var superuser = superuser().getConnection();
                var query = superuser.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, "public." + name);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /** The local server's superuser, for what only it may do (as TestDatabase uses it). */
    private static DataSource superuser() {
        var superuser = new PGSimpleDataSource();
        superuser.setUrl(ConfigProvider.getConfig().getValue("DATABASE_URL", String.class));
        superuser.setUser("postgres");
        return superuser;
    }

    /** The application role in platform scope over plain JDBC, in an open transaction. */
    private Connection platformConnection() throws SQLException {
        var connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (var scope = connection.prepareStatement("SELECT set_config('app.scope', 'platform', true)")) {
            scope.execute();
        }
        return connection;
    }

    /** One number, read by the application role in platform scope. */
    private long onPlatform(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }

    /** The first column of every row, as text, read by the application role in platform scope. */
    private List<String> strings(String sql, Object... parameters) throws SQLException {
        try (var connection = platformConnection()) {
            try (var query = prepare(connection, sql, parameters); var rows = query.executeQuery()) {
                var values = new ArrayList<String>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            } finally {
                connection.rollback();
            }
        }
    }

    private static long number(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var query = prepare(connection, sql, parameters); var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static java.sql.PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        var statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i] == null ? null : parameters[i].toString());
        }
        return statement;
    }
}
