package dev.meridian.migrations;

import static dev.meridian.migrations.Jdbc.asPlatform;
import static dev.meridian.migrations.Jdbc.asTenant;
import static dev.meridian.migrations.SqlStates.assertSqlState;
import static dev.meridian.migrations.Jdbc.count;
import static dev.meridian.migrations.Jdbc.strings;
import static dev.meridian.migrations.Jdbc.update;
import static dev.meridian.migrations.Jdbc.withoutContext;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Change events, the per-user notification queue and the delivery log against real PostgreSQL: constraints,
 * and row-level security as the application role (tenant against tenant, user against user).
 */
class NotificationsDatabaseTest {

    private static final String INSERT_EVENT = """
            INSERT INTO change_event (id, organization_id, subject_type, subject_id, location_id, kind, payload)
            VALUES (?, ?, ?, ?, ?, 'updated', '{"field": "name"}'::jsonb)""";
    private static final String INSERT_NOTIFICATION = """
            INSERT INTO notification (id, organization_id, user_id, change_event_id) VALUES (?, ?, ?, ?)""";
    private static final String INSERT_LOG = """
            INSERT INTO notification_log (id, organization_id, notification_id, channel) VALUES (?, ?, ?, ?)""";

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migratedPerTestClass();
    private World world;
    private UUID acmeEvent;
    private UUID globexEvent;
    private UUID locationEvent;
    private UUID toAlice;
    private UUID toXavier;
    private UUID toBob;

    /** An event per tenant and one about the shared locality; Alice, Xavier and Bob are notified of theirs. */
    @BeforeEach
    void arrange() throws SQLException {
        world = World.create(database);
        acmeEvent = UUID.randomUUID();
        globexEvent = UUID.randomUUID();
        locationEvent = UUID.randomUUID();
        toAlice = UUID.randomUUID();
        toXavier = UUID.randomUUID();
        toBob = UUID.randomUUID();
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, INSERT_EVENT, acmeEvent, world.acme(), "place", world.acmePlace(), world.locality());
            update(superuser, INSERT_EVENT, globexEvent, world.globex(), "place", world.globexPlace(),
                    world.locality());
            update(superuser, INSERT_EVENT, locationEvent, null, "location", world.locality(), world.locality());
            update(superuser, INSERT_NOTIFICATION, toAlice, world.acme(), world.alice(), acmeEvent);
            update(superuser, INSERT_NOTIFICATION, toXavier, world.acme(), world.xavier(), acmeEvent);
            update(superuser, INSERT_NOTIFICATION, toBob, world.globex(), world.bob(), globexEvent);
        }
    }

    @Test
    void constraintsKeepTheQueueSound() throws SQLException {
        try (var superuser = database.connectAsSuperuser()) {
            assertSqlState("23505", superuser, INSERT_NOTIFICATION, UUID.randomUUID(), world.acme(), world.alice(),
                    acmeEvent);
            assertSqlState("23514", superuser, "UPDATE notification SET status = 'read' WHERE id = ?", toAlice);
            assertSqlState("23514", superuser, INSERT_EVENT, UUID.randomUUID(), null, "place", world.acmePlace(),
                    world.locality());
            assertSqlState("23514", superuser, INSERT_LOG, UUID.randomUUID(), world.acme(), toAlice, "sms");
            assertSqlState("23503", superuser, INSERT_LOG, UUID.randomUUID(), world.globex(), toAlice, "email");
            assertSqlState("23503", superuser, INSERT_NOTIFICATION, UUID.randomUUID(), world.acme(), world.bob(),
                    acmeEvent);
        }
    }

    @Test
    void notificationsArePrivateToTheirUser() throws SQLException {
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertEquals(List.of(toAlice.toString()), strings(app, "SELECT id FROM notification"));
            assertEquals(1, update(app, "UPDATE notification SET status = 'read', read_at = now() WHERE id = ?",
                    toAlice));
            assertEquals(0, update(app, "UPDATE notification SET status = 'read', read_at = now() WHERE id IN (?, ?)",
                    toXavier, toBob));
            assertEquals(0, update(app, "DELETE FROM notification WHERE id IN (?, ?)", toXavier, toBob));
            assertSqlState("42501", app, INSERT_NOTIFICATION, UUID.randomUUID(), world.acme(), world.xavier(),
                    UUID.randomUUID());
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("read", "pending", "pending"), strings(superuser,
                    "SELECT status FROM notification WHERE id IN (?, ?, ?) ORDER BY status = 'read' DESC", toAlice,
                    toXavier, toBob));
        }
        try (var app = asPlatform(database)) {
            // the dispatcher works in platform scope across tenants and users
            assertEquals(3, count(app, "SELECT count(*) FROM notification WHERE id IN (?, ?, ?)", toAlice,
                    toXavier, toBob));
            assertEquals(1, update(app, INSERT_NOTIFICATION, UUID.randomUUID(), world.acme(), world.xavier(),
                    locationEvent));
            app.rollback();
        }
    }

    @Test
    void queueDepthCountsTheTenantsPendingNotificationsAndLeavesTheCallersScope() throws SQLException {
        try (var app = asTenant(database, world.acme(), world.alice())) {
            // Alice sees her own notification only; the depth counts Xavier's too, and none of Globex's
            assertEquals(1, count(app, "SELECT count(*) FROM notification"));
            assertEquals(2, count(app, "SELECT meridian_notification_queue_depth()"));
            assertEquals(List.of("tenant"), strings(app, "SELECT current_setting('app.scope')"));
            assertEquals(1, count(app, "SELECT count(*) FROM notification"));
        }
        long pending;
        try (var superuser = database.connectAsSuperuser()) {
            pending = count(superuser, "SELECT count(*) FROM notification WHERE status = 'pending'");
        }
        try (var app = asPlatform(database)) {
            assertEquals(pending, count(app, "SELECT meridian_notification_queue_depth()"));
        }
        try (var app = withoutContext(database)) {
            assertEquals(0, count(app, "SELECT meridian_notification_queue_depth()"));
        }
    }

    @Test
    void changeEventsAreTheTenantsAndSharedLocationEventsPlatformScopes() throws SQLException {
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertEquals(List.of(acmeEvent.toString()), strings(app,
                    "SELECT id FROM change_event WHERE id IN (?, ?, ?)", acmeEvent, globexEvent, locationEvent));
            assertEquals(1, update(app, INSERT_EVENT, UUID.randomUUID(), world.acme(), "place", world.acmePlace(),
                    world.locality()));
            assertSqlState("42501", app, INSERT_EVENT, UUID.randomUUID(), world.globex(), "place",
                    world.globexPlace(), world.locality());
            assertSqlState("42501", app, INSERT_EVENT, UUID.randomUUID(), null, "location", world.locality(),
                    world.locality());
            assertEquals(0, update(app, "UPDATE change_event SET processed_at = now() WHERE id IN (?, ?)",
                    globexEvent, locationEvent));
            assertEquals(0, update(app, "DELETE FROM change_event WHERE id IN (?, ?)", globexEvent, locationEvent));
            app.commit();
        }
        try (var app = asPlatform(database)) {
            assertEquals(3, count(app, "SELECT count(*) FROM change_event WHERE id IN (?, ?, ?)", acmeEvent,
                    globexEvent, locationEvent));
            assertEquals(1, update(app, "UPDATE change_event SET processed_at = now() WHERE id = ?", locationEvent));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("f", "f", "t"), strings(superuser, """
                    SELECT processed_at IS NOT NULL FROM change_event WHERE id IN (?, ?, ?)
                    ORDER BY processed_at IS NOT NULL""", acmeEvent, globexEvent, locationEvent));
        }
    }

    @Test
    void theDeliveryLogIsTheTenants() throws SQLException {
        var acmeLog = UUID.randomUUID();
        var globexLog = UUID.randomUUID();
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, INSERT_LOG, globexLog, world.globex(), toBob, "webhook");
        }
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertEquals(1, update(app, INSERT_LOG, acmeLog, world.acme(), toXavier, "email"));
            assertSqlState("42501", app, INSERT_LOG, UUID.randomUUID(), world.globex(), toBob, "email");
            assertEquals(List.of(acmeLog.toString()), strings(app, "SELECT id FROM notification_log WHERE id IN (?, ?)",
                    acmeLog, globexLog));
            assertEquals(1, update(app, """
                    UPDATE notification_log SET status = 'sent', attempt = 1, started_at = now(), finished_at = now(),
                           duration_ms = 12, provider_id = 'msg-1', cost = 0.000150 WHERE id = ?""", acmeLog));
            assertEquals(0, update(app, "UPDATE notification_log SET status = 'failed' WHERE id = ?", globexLog));
            assertEquals(0, update(app, "DELETE FROM notification_log WHERE id = ?", globexLog));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("sent 0.000150"), strings(superuser,
                    "SELECT status || ' ' || cost FROM notification_log WHERE id = ?", acmeLog));
            assertEquals(List.of("pending"), strings(superuser,
                    "SELECT status FROM notification_log WHERE id = ?", globexLog));
        }
    }
}
