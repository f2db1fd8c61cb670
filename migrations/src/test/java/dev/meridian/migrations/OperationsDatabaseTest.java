package dev.meridian.migrations;

import static dev.meridian.migrations.AccessAssertions.assertPolicyViolated;
import static dev.meridian.migrations.Jdbc.asPlatform;
import static dev.meridian.migrations.Jdbc.asTenant;
import static dev.meridian.migrations.Jdbc.count;
import static dev.meridian.migrations.Jdbc.strings;
import static dev.meridian.migrations.Jdbc.update;
import static dev.meridian.migrations.Jdbc.withoutContext;
import static dev.meridian.migrations.SqlStates.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Platform-only snapshots and tenant-owned support tickets under row-level security, as the application role
 * sees them through plain JDBC. Tenant A is Acme (Alice), tenant B Globex (Bob), from a fresh {@link World}
 * per test.
 */
class OperationsDatabaseTest {

    private static final String INSERT_HEALTH = """
            INSERT INTO system_health_snapshot (id, taken_at, cpu_load, heap_used_bytes, heap_max_bytes,
                disk_free_bytes, pool_in_use, db_connections, notification_queue_depth, p50_ms, p95_ms, p99_ms, status)
            VALUES (?, now(), 0.5, 100, 1000, 5000, 2, 5, 0, 10, 50, 90, 'UP')""";
    private static final String INSERT_ROW_COUNT = """
            INSERT INTO row_count_snapshot (id, table_name, row_count, taken_at) VALUES (?, 'place', 42, now())""";
    private static final String OPEN_TICKET = """
            INSERT INTO support_ticket (id, organization_id, author_user_id, subject) VALUES (?, ?, ?, 'Help')""";
    private static final String TENANT_MESSAGE = """
            INSERT INTO ticket_message (id, organization_id, ticket_id, author_user_id, body)
            VALUES (?, ?, ?, ?, 'Please help')""";
    private static final String SUPPORT_MESSAGE = """
            INSERT INTO ticket_message (id, organization_id, ticket_id, support_user_id, body)
            VALUES (?, ?, ?, ?, 'We are on it')""";

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

    @Test
    void snapshotsAreInvisibleAndUnwritableOutsidePlatformScope() throws SQLException {
        var health = UUID.randomUUID();
        var rowCount = UUID.randomUUID();
        try (var app = asPlatform(database)) {
            assertEquals(1, update(app, INSERT_HEALTH, health));
            assertEquals(1, update(app, INSERT_ROW_COUNT, rowCount));
            app.commit();
        }
        var both = """
                SELECT (SELECT count(*) FROM system_health_snapshot WHERE id = ?)
                     + (SELECT count(*) FROM row_count_snapshot WHERE id = ?)""";
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(0, count(app, both, health, rowCount));
            assertPolicyViolated(app, INSERT_HEALTH, UUID.randomUUID());
            assertPolicyViolated(app, INSERT_ROW_COUNT, UUID.randomUUID());
            app.rollback();
        }
        try (var app = withoutContext(database)) {
            assertEquals(0, count(app, both, health, rowCount));
            assertPolicyViolated(app, INSERT_HEALTH, UUID.randomUUID());
            app.rollback();
        }
        try (var app = asPlatform(database)) {
            assertEquals(2, count(app, both, health, rowCount));
            // snapshots are appended, never edited
            assertSqlState("42501", app, "UPDATE row_count_snapshot SET row_count = 0 WHERE id = ?",
                    rowCount);
            assertSqlState("42501", app, "DELETE FROM system_health_snapshot WHERE id = ?", health);
            app.rollback();
        }
    }

    @Test
    void aTenantWorksOnlyOnItsOwnTickets() throws SQLException {
        var acmeTicket = UUID.randomUUID();
        var globexTicket = UUID.randomUUID();
        try (var app = asTenant(database, globex, bob)) {
            assertEquals(1, update(app, OPEN_TICKET, globexTicket, globex, bob));
            assertEquals(1, update(app, TENANT_MESSAGE, UUID.randomUUID(), globex, globexTicket, bob));
            app.commit();
        }
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, update(app, OPEN_TICKET, acmeTicket, acme, alice));
            assertEquals(1, update(app, TENANT_MESSAGE, UUID.randomUUID(), acme, acmeTicket, alice));
            assertPolicyViolated(app, OPEN_TICKET, UUID.randomUUID(), globex, bob);
            assertPolicyViolated(app, TENANT_MESSAGE, UUID.randomUUID(), globex, globexTicket,
                    bob);

            assertEquals(List.of(acmeTicket.toString()), strings(app,
                    "SELECT id::text FROM support_ticket WHERE id IN (?, ?)", acmeTicket, globexTicket));
            assertEquals(1, count(app, "SELECT count(*) FROM ticket_message WHERE ticket_id IN (?, ?)", acmeTicket,
                    globexTicket));

            assertEquals(1, update(app, "UPDATE support_ticket SET status = 'closed', closed_at = now() WHERE id = ?",
                    acmeTicket));
            assertEquals(0, update(app, "UPDATE support_ticket SET subject = 'Hijacked' WHERE id = ?", globexTicket));
            assertEquals(0, update(app, "UPDATE ticket_message SET body = 'Hijacked' WHERE ticket_id = ?",
                    globexTicket));
            assertPolicyViolated(app, "UPDATE support_ticket SET organization_id = ? WHERE id = ?", globex, acmeTicket);
            assertEquals(0, update(app, "DELETE FROM ticket_message WHERE ticket_id = ?", globexTicket));
            assertEquals(0, update(app, "DELETE FROM support_ticket WHERE id = ?", globexTicket));
            app.commit();
        }
        try (var app = asPlatform(database)) {
            assertEquals(List.of("closed", "open"), strings(app,
                    "SELECT status FROM support_ticket WHERE id IN (?, ?) ORDER BY status", acmeTicket, globexTicket));
            assertEquals(List.of("Please help"), strings(app, "SELECT body FROM ticket_message WHERE ticket_id = ?",
                    globexTicket), "Globex's message is untouched");
            app.rollback();
        }
        try (var app = withoutContext(database)) {
            assertEquals(0, count(app, "SELECT count(*) FROM support_ticket WHERE id IN (?, ?)", acmeTicket,
                    globexTicket));
            assertEquals(0, count(app, "SELECT count(*) FROM ticket_message"));
            app.rollback();
        }
    }

    @Test
    void aTicketCannotPointAtAnotherTenantsUserOrTicket() throws SQLException {
        var acmeTicket = UUID.randomUUID();
        var globexTicket = UUID.randomUUID();
        try (var app = asPlatform(database)) {
            update(app, OPEN_TICKET, globexTicket, globex, bob);
            app.commit();
        }
        try (var app = asTenant(database, acme, alice)) {
            // Acme's own ticket, authored by Globex's user
            assertSqlState("23503", app, OPEN_TICKET, acmeTicket, acme, bob);
            update(app, OPEN_TICKET, acmeTicket, acme, alice);
            // an Acme message hung on Globex's ticket
            assertSqlState("23503", app, TENANT_MESSAGE, UUID.randomUUID(), acme, globexTicket, alice);
            assertSqlState("23514", app, "UPDATE support_ticket SET status = 'closed' WHERE id = ?", acmeTicket);
            app.rollback();
        }
    }

    @Test
    void onlyPlatformScopeSpeaksForSupport() throws SQLException {
        var ticket = UUID.randomUUID();
        // a user of another organization, as platform support is (the platform's own)
        var supportAgent = World.create(database).bob();
        try (var app = asTenant(database, acme, alice)) {
            update(app, OPEN_TICKET, ticket, acme, alice);
            assertPolicyViolated(app, SUPPORT_MESSAGE, UUID.randomUUID(), acme, ticket, alice);
            app.commit();
        }
        try (var app = asPlatform(database)) {
            assertEquals(1, update(app, SUPPORT_MESSAGE, UUID.randomUUID(), acme, ticket, supportAgent));
            app.commit();
        }
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(List.of("We are on it"), strings(app,
                    "SELECT body FROM ticket_message WHERE ticket_id = ? AND support_user_id IS NOT NULL", ticket));
            assertPolicyViolated(app, "UPDATE ticket_message SET body = 'Support says: refund' WHERE ticket_id = ?",
                    ticket);
            app.rollback();
        }
    }

    @Test
    void ticketChangesAreAudited() throws SQLException {
        var ticket = UUID.randomUUID();
        try (var app = asTenant(database, acme, alice)) {
            update(app, OPEN_TICKET, ticket, acme, alice);
            update(app, "UPDATE support_ticket SET status = 'pending' WHERE id = ?", ticket);
            assertEquals(List.of("open>pending"), strings(app, """
                    SELECT (old_row ->> 'status') || '>' || (new_row ->> 'status') FROM change_log
                    WHERE table_name = 'support_ticket' AND row_id = ?""", ticket));
            app.rollback();
        }
    }
}
