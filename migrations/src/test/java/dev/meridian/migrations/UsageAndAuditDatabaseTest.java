package dev.meridian.migrations;

import static dev.meridian.migrations.AccessAssertions.assertPermissionDenied;
import static dev.meridian.migrations.AccessAssertions.assertPolicyViolated;
import static dev.meridian.migrations.Jdbc.asPlatform;
import static dev.meridian.migrations.Jdbc.asTenant;
import static dev.meridian.migrations.Jdbc.count;
import static dev.meridian.migrations.Jdbc.strings;
import static dev.meridian.migrations.Jdbc.update;
import static dev.meridian.migrations.Jdbc.withoutContext;
import static dev.meridian.migrations.SqlStates.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The usage log's monthly partitions, the change-log trigger, and row-level security of usage, billing and
 * audit tables, as the application role sees them through plain JDBC. Tenant A is Acme on the standard plan,
 * tenant B Globex on the free plan; each test makes its own.
 */
class UsageAndAuditDatabaseTest {

    private static final String INSERT_REQUEST = """
            INSERT INTO usage_log (occurred_at, organization_id, api_key_id, user_id, method, route, status,
                                   duration_ms, request_bytes, response_bytes)
            VALUES (now(), ?, NULL, ?, 'GET', '/api/v1/places', 200, 12, 0, 512)""";
    private static final String INSERT_DAILY_METRICS = """
            INSERT INTO daily_metrics (organization_id, day, requests, errors) VALUES (?, ?, 10, 1)""";
    private static final String INSERT_SECURITY_EVENT = """
            INSERT INTO security_event (id, organization_id, kind, actor_user_id, detail)
            VALUES (?, ?, 'quota_exceeded', NULL, '{"quota": 10000}')""";

    private static final String STANDARD_PLAN = "00000000-0000-4000-8000-000000000002";

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migratedPerTestClass();

    private UUID acme;
    private UUID globex;
    private UUID alice;
    private UUID bob;

    @BeforeEach
    void twoTenants() throws SQLException {
        var world = World.create(database);
        acme = world.acme();
        globex = world.globex();
        alice = world.alice();
        bob = world.bob();
    }

    // --- partitions

    @Test
    void aRequestOfThisMonthLandsInThisMonthsPartition() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(List.of(partition("usage_log", YearMonth.now(ZoneOffset.UTC))),
                    strings(app, INSERT_REQUEST + " RETURNING tableoid::regclass::text", acme, alice));
            app.rollback();
        }
    }

    @Test
    void theMigrationPreparesThisMonthAndTheNextTwoForBothLogs() throws SQLException {
        var thisMonth = YearMonth.now(ZoneOffset.UTC);
        for (var log : List.of("usage_log", "change_log")) {
            assertEquals(List.of(partition(log, thisMonth), partition(log, thisMonth.plusMonths(1)),
                    partition(log, thisMonth.plusMonths(2))),
                    superuserStrings("""
                            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                            WHERE i.inhparent = ?::regclass AND c.relname <= ? ORDER BY c.relname""", log,
                            partition(log, thisMonth.plusMonths(2))));
        }
    }

    @Test
    void ensuringPartitionsCreatesAMissingMonthOnceWithForcedRowLevelSecurityAndNoGrants() throws SQLException {
        var nextMonth = partition("usage_log", YearMonth.now(ZoneOffset.UTC).plusMonths(1));
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, "DROP TABLE " + nextMonth);
        }
        var thisMonth = LocalDate.now(ZoneOffset.UTC);
        try (var app = withoutContext(database)) {
            // the scheduled job runs as the application role
            assertEquals(1, count(app, "SELECT meridian_ensure_usage_partitions(?, 3)", thisMonth));
            assertEquals(0, count(app, "SELECT meridian_ensure_usage_partitions(?, 3)", thisMonth), "idempotent");
            app.commit();
        }
        var nextMonthStart = thisMonth.withDayOfMonth(1).plusMonths(1);
        assertEquals(List.of("FOR VALUES FROM ('%s 00:00:00+00') TO ('%s 00:00:00+00') true true".formatted(
                nextMonthStart, nextMonthStart.plusMonths(1))), superuserStrings("""
                        SELECT pg_get_expr(relpartbound, oid) || ' ' || relrowsecurity || ' ' || relforcerowsecurity
                        FROM pg_class WHERE relname = ?""", nextMonth));
        assertEquals(List.of("false false false false"), superuserStrings("""
                SELECT has_table_privilege(r, ?, 'SELECT') || ' ' || has_table_privilege(r, ?, 'INSERT') || ' '
                    || has_table_privilege(r, ?, 'UPDATE') || ' ' || has_table_privilege(r, ?, 'DELETE')
                FROM (VALUES (?)) AS roles (r)""", nextMonth, nextMonth, nextMonth, nextMonth,
                database.roles().appRole()));
    }

    @Test
    void theApplicationReachesPartitionsOnlyThroughTheirParent() throws SQLException {
        var thisMonth = partition("usage_log", YearMonth.now(ZoneOffset.UTC));
        try (var app = asPlatform(database)) {
            assertSqlState("42501", app, "SELECT count(*) FROM " + thisMonth);
            assertSqlState("42501", app, INSERT_REQUEST.replace("usage_log", thisMonth), acme, alice);
            assertSqlState("42501", app, "SELECT meridian_ensure_monthly_partitions('usage_log', ?, 1)",
                    LocalDate.now());
            app.rollback();
        }
    }

    @Test
    void aRequestOutsideEveryPartitionFailsInsteadOfHidingInADefaultPartition() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            assertSqlState("23514", app, INSERT_REQUEST.replace("now()", "'2001-01-01T00:00:00Z'"), acme,
                    alice);
            app.rollback();
        }
    }

    // --- change log

    @Test
    void anUpdateIsLoggedWithTheActorAndWithoutSecrets() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, update(app, "UPDATE app_user SET full_name = 'Alice Renamed' WHERE id = ?", alice));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("UPDATE|Someone|Alice Renamed|%s|%s|tenant|%s|f|f".formatted(alice, acme,
                    acme)), strings(superuser, """
                            SELECT concat_ws('|', operation, old_row ->> 'full_name', new_row ->> 'full_name',
                                             actor_user_id, actor_tenant_id, scope, organization_id,
                                             old_row -> 'password_hash' IS NOT NULL,
                                             new_row -> 'password_hash' IS NOT NULL)
                            FROM change_log WHERE table_name = 'app_user' AND row_id = ? AND operation = 'UPDATE'""",
                            alice));
        }
    }

    @Test
    void aDeleteIsLoggedWithTheOldRowWithoutItsSecret() throws SQLException {
        var key = UUID.randomUUID();
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, """
                    INSERT INTO api_key (id, organization_id, user_id, name, prefix, secret_hash)
                    VALUES (?, ?, ?, 'ci', ?, repeat('a', 64))""", key, acme, alice,
                    key.toString().replace("-", "").substring(0, 12));
        }
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, update(app, "DELETE FROM api_key WHERE id = ?", key));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("ci|t|f|%s".formatted(alice)), strings(superuser, """
                    SELECT concat_ws('|', old_row ->> 'name', new_row IS NULL, old_row -> 'secret_hash' IS NOT NULL,
                                      actor_user_id)
                    FROM change_log WHERE table_name = 'api_key' AND row_id = ? AND operation = 'DELETE'""", key));
        }
    }

    @Test
    void aWebhookChangeIsLoggedWithItsUrlButWithoutItsSecret() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, update(app, """
                    UPDATE organization SET webhook_url = 'https://hooks.example/acme',
                                            webhook_secret = 'a-secret-of-enough-length'
                    WHERE id = ?""", acme));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("https://hooks.example/acme|f|f"), strings(superuser, """
                    SELECT concat_ws('|', new_row ->> 'webhook_url', old_row -> 'webhook_secret' IS NOT NULL,
                                     new_row -> 'webhook_secret' IS NOT NULL)
                    FROM change_log WHERE table_name = 'organization' AND row_id = ? AND operation = 'UPDATE'
                      AND new_row ->> 'webhook_url' IS NOT NULL""", acme));
        }
    }

    @Test
    void bookkeepingAloneIsNotLogged() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, update(app, "UPDATE app_user SET last_login_at = now() WHERE id = ?", alice));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(0, count(superuser, """
                    SELECT count(*) FROM change_log WHERE row_id = ? AND operation = 'UPDATE'""", alice));
        }
    }

    @Test
    void theApplicationCannotWriteChangeOrEraseTheChangeLog() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            update(app, "UPDATE app_user SET full_name = 'Trail' WHERE id = ?", alice);
            assertEquals(1, count(app, "SELECT count(*) FROM change_log WHERE row_id = ? AND operation = 'UPDATE'",
                    alice), "the tenant reads its own trail");
            assertPermissionDenied(app, "UPDATE change_log SET new_row = '{}' WHERE row_id = ?",
                    alice);
            assertPermissionDenied(app, "DELETE FROM change_log WHERE row_id = ?", alice);
            assertPermissionDenied(app, "TRUNCATE change_log");
            assertPermissionDenied(app, """
                    INSERT INTO change_log (organization_id, table_name, operation, row_id, new_row)
                    VALUES (?, 'app_user', 'INSERT', ?, '{}')""", acme, alice);
            app.commit();
        }
    }

    @Test
    void aTenantReadsOnlyItsOwnTrailAndPlatformScopeReadsAll() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            update(app, "UPDATE app_user SET full_name = 'Seen by Acme' WHERE id = ?", alice);
            app.commit();
        }
        var aliceChanges = "SELECT count(*) FROM change_log WHERE row_id = ?";
        try (var app = asTenant(database, globex, bob)) {
            assertEquals(0, count(app, aliceChanges, alice));
            assertEquals(1, count(app, "SELECT count(*) FROM change_log WHERE row_id = ?", bob),
                    "its own user's insert");
            app.rollback();
        }
        try (var app = withoutContext(database)) {
            assertEquals(0, count(app, aliceChanges, alice));
            app.rollback();
        }
        try (var app = asPlatform(database)) {
            assertEquals(2, count(app, aliceChanges, alice), "the insert and the update");
            app.rollback();
        }
    }

    // --- usage log

    @Test
    void aTenantLogsAndReadsOnlyItsOwnRequestsAndChangesNone() throws SQLException {
        try (var app = asTenant(database, globex, bob)) {
            assertEquals(1, update(app, INSERT_REQUEST, globex, bob));
            app.commit();
        }
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, update(app, INSERT_REQUEST, acme, alice));
            assertPolicyViolated(app, INSERT_REQUEST, globex, alice);
            assertEquals(1, count(app, "SELECT count(*) FROM usage_log WHERE organization_id IN (?, ?)", acme,
                    globex));
            assertPermissionDenied(app, "UPDATE usage_log SET status = 500 WHERE organization_id = ?",
                    acme);
            assertPermissionDenied(app, "DELETE FROM usage_log WHERE organization_id = ?", acme);
            app.commit();
        }
        try (var app = asPlatform(database)) {
            assertEquals(2, count(app, "SELECT count(*) FROM usage_log WHERE organization_id IN (?, ?)", acme,
                    globex));
            assertPermissionDenied(app, "DELETE FROM usage_log WHERE organization_id = ?", acme);
            app.rollback();
        }
        try (var app = withoutContext(database)) {
            assertEquals(0, count(app, "SELECT count(*) FROM usage_log"));
            assertPolicyViolated(app, INSERT_REQUEST, acme, alice);
            app.rollback();
        }
    }

    // --- rollups and the statement

    @Test
    void dailyMetricsAreReadByTheirTenantAndWrittenOnlyInPlatformScope() throws SQLException {
        var day = LocalDate.of(2026, 3, 1);
        try (var app = asPlatform(database)) {
            assertEquals(1, update(app, INSERT_DAILY_METRICS, acme, day));
            assertEquals(1, update(app, INSERT_DAILY_METRICS, globex, day));
            app.commit();
        }
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(List.of(acme.toString()), strings(app,
                    "SELECT organization_id::text FROM daily_metrics WHERE organization_id IN (?, ?)", acme, globex));
            assertPolicyViolated(app, INSERT_DAILY_METRICS, acme, day.plusDays(1));
            assertEquals(0, update(app, "UPDATE daily_metrics SET requests = 0 WHERE organization_id = ?", acme));
            assertEquals(0, update(app, "UPDATE daily_metrics SET requests = 0 WHERE organization_id = ?", globex));
            assertEquals(0, update(app, "DELETE FROM daily_metrics WHERE organization_id IN (?, ?)", acme, globex));
            app.commit();
        }
        try (var app = asPlatform(database)) {
            assertEquals(List.of("10", "10"), strings(app,
                    "SELECT requests FROM daily_metrics WHERE organization_id IN (?, ?)", acme, globex),
                    "the tenant changed nothing");
            assertEquals(1, update(app, "UPDATE daily_metrics SET requests = 11 WHERE organization_id = ?", acme));
            assertEquals(1, update(app, "DELETE FROM daily_metrics WHERE organization_id = ?", globex));
            app.rollback();
        }
    }

    @Test
    void aTenantSeesOnlyItsOwnMonthlyStatementPricedAtItsPlan() throws SQLException {
        var rollup = """
                INSERT INTO usage_daily (organization_id, api_key_id, day, calls, errors, avg_duration_ms,
                                         p95_duration_ms, request_bytes, response_bytes)
                VALUES (?, NULL, ?, ?, 0, 10, 20, 0, 0)""";
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, "UPDATE organization SET plan_id = ?::uuid WHERE id = ?", STANDARD_PLAN, acme);
        }
        try (var app = asPlatform(database)) {
            update(app, rollup, acme, LocalDate.of(2026, 3, 1), 1500);
            update(app, rollup, acme, LocalDate.of(2026, 3, 31), 500);
            update(app, rollup, acme, LocalDate.of(2026, 4, 1), 7);
            update(app, rollup, globex, LocalDate.of(2026, 3, 2), 99);
            app.commit();
        }
        var statement = """
                SELECT concat_ws('|', organization_id, month, calls, plan_code, amount) FROM monthly_statement
                WHERE organization_id IN (?, ?) AND month = '2026-03-01' ORDER BY organization_id = ?""";
        try (var app = asTenant(database, acme, alice)) {
            // 2,000 calls at 0.50 per 1,000
            assertEquals(List.of(acme + "|2026-03-01|2000|standard|1.00"), strings(app, statement, acme, globex,
                    acme));
            assertPolicyViolated(app, rollup, acme, LocalDate.of(2026, 3, 3), 1);
            app.rollback();
        }
        try (var app = withoutContext(database)) {
            assertEquals(List.of(), strings(app, statement, acme, globex, acme));
            app.rollback();
        }
        try (var app = asPlatform(database)) {
            assertEquals(List.of(globex + "|2026-03-01|99|free|0.00", acme + "|2026-03-01|2000|standard|1.00"),
                    strings(app, statement, acme, globex, acme));
            app.rollback();
        }
    }

    // --- security events

    @Test
    void securityEventsAreAppendedByTheirTenantAndReadByItOrThePlatform() throws SQLException {
        var own = UUID.randomUUID();
        var anonymous = UUID.randomUUID();
        var events = "SELECT count(*) FROM security_event WHERE id IN (?, ?)";
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, update(app, INSERT_SECURITY_EVENT, own, acme));
            assertPolicyViolated(app, INSERT_SECURITY_EVENT, UUID.randomUUID(), globex);
            app.commit();
        }
        try (var app = withoutContext(database)) {
            // a failed sign-in of an unknown username: nobody is known yet
            assertEquals(1, update(app, INSERT_SECURITY_EVENT.replace("'quota_exceeded'", "'login_failed'"),
                    anonymous, null));
            assertPolicyViolated(app, INSERT_SECURITY_EVENT, UUID.randomUUID(), acme);
            assertEquals(0, count(app, events, own, anonymous));
            app.commit();
        }
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, count(app, events, own, anonymous), "its own event, not the tenantless one");
            assertPermissionDenied(app, "UPDATE security_event SET detail = '{}' WHERE id = ?", own);
            assertPermissionDenied(app, "DELETE FROM security_event WHERE id = ?", own);
            app.rollback();
        }
        try (var app = asTenant(database, globex, bob)) {
            assertEquals(0, count(app, events, own, anonymous));
            app.rollback();
        }
        try (var app = asPlatform(database)) {
            assertEquals(2, count(app, events, own, anonymous));
            app.rollback();
        }
    }

    @Test
    void noPartitionOfEitherLogIsOpenToTheApplication() throws SQLException {
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of(), strings(superuser, """
                    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                    WHERE i.inhparent IN ('usage_log'::regclass, 'change_log'::regclass)
                      AND (has_table_privilege(?, c.oid, 'SELECT, INSERT, UPDATE, DELETE')
                           OR NOT (c.relrowsecurity AND c.relforcerowsecurity))""", database.roles().appRole()));
            assertFalse(strings(superuser, "SELECT relname FROM pg_class WHERE relname LIKE 'usage_log_y%'").isEmpty());
        }
    }

    private static String partition(String log, YearMonth month) {
        return "%s_y%04dm%02d".formatted(log, month.getYear(), month.getMonthValue());
    }

    private static List<String> superuserStrings(String sql, Object... parameters) throws SQLException {
        try (Connection superuser = database.connectAsSuperuser()) {
            return strings(superuser, sql, parameters);
        }
    }
}
