package dev.meridian.persistence.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import dev.meridian.migrations.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

/**
 * The dispatch job against real PostgreSQL as the application role in platform scope (as the job runner runs
 * it), delivering to a real webhook receiver (JDK HTTP server) and a real SMTP server (GreenMail), both on
 * loopback ports of their own. Each test builds its own organizations, followers and events, and asserts on
 * those only.
 */
class DispatchNotificationsTest {

    private static final String FREE_PLAN = "00000000-0000-4000-8000-000000000001";
    private static final Duration BACKOFF = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migratedPerTestClass();
    private static EntityManagerFactory units;

    private final List<HttpServer> receivers = new ArrayList<>();
    private GreenMail smtp;

    /** The persistence unit's start-up migration hook has no MicroProfile Config here: the test migrated. */
    public static class NoMigration extends SessionEventAdapter {
    }

    @BeforeAll
    static void bootPersistenceUnit() {
        var properties = new HashMap<String, Object>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
        properties.put("jakarta.persistence.jdbc.url",
                database.url() + (database.url().contains("?") ? "&" : "?") + "stringtype=unspecified");
        properties.put("jakarta.persistence.jdbc.user", database.roles().appRole());
        properties.put("jakarta.persistence.jdbc.password", "");
        properties.put("eclipselink.session-event-listener", NoMigration.class.getName());
        properties.put("eclipselink.target-server", "None");
        units = Persistence.createEntityManagerFactory("meridian", properties);
    }

    @AfterAll
    static void closePersistenceUnit() {
        units.close();
    }

    @AfterEach
    void stopServers() {
        receivers.forEach(server -> server.stop(0));
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void anEventNotifiesFollowersOfItsLocationAndItsAncestorsInItsOrganizationByWebhookAndEmail() throws Exception {
        var received = new CopyOnWriteArrayList<Delivery>();
        var secret = "whsec-" + UUID.randomUUID();
        var world = World.create(receiver(200, received), secret, true);
        smtp = new GreenMail(new ServerSetup(0, InetAddress.getLoopbackAddress().getHostAddress(), "smtp"));
        smtp.start();
        var settings = settings(3, Optional.of(new NotificationSettings.Smtp(
                InetAddress.getLoopbackAddress().getHostAddress(), smtp.getSmtp().getPort(), Optional.empty(),
                Optional.empty(), "notifications@meridian.test", false, Duration.ofSeconds(5))));

        var rows = run(settings);

        // Alice follows the state, Bob the locality; Carol follows nothing; Dave follows the locality for
        // another organization, which the place's event is none of
        assertEquals(List.of(world.alice + " sent", world.bob + " sent"), world.notifications());
        assertEquals(0, count("SELECT count(*) FROM change_event WHERE id = ? AND processed_at IS NULL", world.event));
        assertEquals(0, count("SELECT count(*) FROM notification WHERE user_id IN (?, ?)", world.carol, world.dave));
        assertEquals(List.of("email 1 sent", "email 1 sent", "webhook 1 sent", "webhook 1 sent"), world.log());
        assertEquals(1 + 2 + 4, rows, "event processed, notifications created, attempts logged");

        assertEquals(2, received.size());
        for (var delivery : received) {
            var signature = delivery.header("Meridian-Signature");
            var t = Long.parseLong(signature.replaceAll("^t=(\\d+),v1=.*$", "$1"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 300, signature);
            assertEquals("t=" + t + ",v1=" + hmac(secret, t + "." + delivery.body()), signature,
                    "HMAC-SHA256 over <t>.<body> with the organization's secret");
            assertTrue(delivery.body().contains("\"kind\":\"rating_changed\""), delivery.body());
            assertTrue(delivery.body().contains("\"details\":{\"rating\":4.5}"), delivery.body());
            assertEquals("application/json", delivery.header("Content-Type"));
        }

        var mails = smtp.getReceivedMessages();
        assertEquals(java.util.stream.Stream.of(world.aliceEmail(), world.bobEmail()).sorted().toList(),
                java.util.Arrays.stream(mails)
                        .map(DispatchNotificationsTest::recipient).sorted().toList());
        assertTrue(mails[0].getSubject().contains("rating changed"), mails[0].getSubject());
        assertEquals(2, count("""
                SELECT count(*) FROM notification_log l JOIN notification n ON n.id = l.notification_id
                WHERE n.organization_id = ? AND l.channel = 'email' AND l.provider_id LIKE '<%>'""", world.org));

        assertEquals(0, run(settings), "nothing left to do");
        assertEquals(2, received.size());
    }

    @Test
    void aWebhookOnLoopbackIsNotPostedUnlessTheOperatorAllowsPrivateAddresses() throws Exception {
        var received = new CopyOnWriteArrayList<Delivery>();
        var world = World.create(receiver(200, received), "whsec-" + UUID.randomUUID(), false);

        run(settings(3, false, Optional.empty()));

        assertEquals(List.of("webhook 1 failed", "webhook 1 failed"), world.log(), "given up at once");
        assertEquals(List.of("not posted: 127.0.0.1 is a loopback address"), world.errors());
        assertEquals(List.of(world.alice + " failed", world.bob + " failed"), world.notifications());
        assertEquals(List.of(), received);
    }

    @Test
    void aFailingWebhookIsRetriedWithExponentialBackoffUntilTheAttemptsRunOut() throws Exception {
        var received = new CopyOnWriteArrayList<Delivery>();
        var world = World.create(receiver(500, received), "whsec-" + UUID.randomUUID(), false);
        var settings = settings(3, Optional.empty());

        run(settings);
        assertEquals(List.of("webhook 1 failed", "webhook 1 failed"), world.log());
        assertEquals(List.of("HTTP 500: receiver broke"), world.errors());
        assertBackoff(world, BACKOFF);

        run(settings);
        assertEquals(2, received.size(), "not due again before the backoff is over");

        world.due();
        run(settings);
        assertEquals(List.of("webhook 1 failed", "webhook 1 failed", "webhook 2 failed", "webhook 2 failed"),
                world.log());
        assertBackoff(world, BACKOFF.multipliedBy(2));

        world.due();
        run(settings);
        assertEquals(6, world.log().size());
        assertEquals(List.of(world.alice + " failed", world.bob + " failed"), world.notifications());
        assertEquals(6, received.size(), "three attempts for each of two notifications");

        world.due();
        run(settings);
        assertEquals(6, received.size(), "a failed notification is not retried");
    }

    @Test
    void emailWithoutAnSmtpServerFailsForGoodAndSaysWhy() throws Exception {
        var world = World.create(null, null, true);

        run(settings(5, Optional.empty()));

        assertEquals(List.of("email 1 failed", "email 1 failed"), world.log());
        assertEquals(List.of(EmailChannel.OFF), world.errors());
        assertEquals(List.of(world.alice + " failed", world.bob + " failed"), world.notifications());
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Settings for receivers on loopback, which the operator allows webhooks to reach. */
    private static NotificationSettings settings(int maxAttempts, Optional<NotificationSettings.Smtp> smtp) {
        return settings(maxAttempts, true, smtp);
    }

    private static NotificationSettings settings(int maxAttempts, boolean privateAddresses,
            Optional<NotificationSettings.Smtp> smtp) {
        return new NotificationSettings(100, maxAttempts, BACKOFF, Duration.ofHours(1), Duration.ofSeconds(2),
                Duration.ofSeconds(5), privateAddresses, smtp);
    }

    /** One job run in its own transaction, as the application role in platform scope. */
    private static long run(NotificationSettings settings) {
        var entityManager = units.createEntityManager();
        try {
            entityManager.getTransaction().begin();
            entityManager.createNativeQuery("SELECT set_config('app.scope', 'platform', true)").getSingleResult();
            var rows = new DispatchNotifications(() -> settings, Clock.systemUTC()).run(entityManager);
            entityManager.getTransaction().commit();
            return rows;
        } finally {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
            entityManager.close();
        }
    }

    private static void assertBackoff(World world, Duration expected) throws SQLException {
        // the next attempt is due the backoff after the last attempt finished (and within a second of it)
        var gaps = strings("""
                SELECT extract(epoch FROM n.next_attempt_at - max(l.finished_at))::numeric(10, 0)
                FROM notification n JOIN notification_log l ON l.notification_id = n.id
                WHERE n.organization_id = ? GROUP BY n.id""", world.org);
        assertEquals(List.of(Long.toString(expected.toSeconds()), Long.toString(expected.toSeconds())), gaps);
    }

    record Delivery(Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse("");
        }
    }

    /** A webhook receiver on a free loopback port that answers every POST with the given status. */
    private String receiver(int status, List<Delivery> received) throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), body));
            var answer = (status == 200 ? "ok" : "receiver broke").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        receivers.add(server);
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/hook";
    }

    private static String hmac(String secret, String signed) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An organization with Alice (follows the state), Bob (the locality) and Carol (nothing), another
     * organization whose Dave follows the same locality, and one pending event about the first organization's
     * place in the locality.
     */
    record World(UUID org, UUID other, UUID alice, UUID bob, UUID carol, UUID dave, UUID event) {

        static World create(String webhookUrl, String secret, boolean email) throws SQLException {
            var world = new World(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            var code = world.org.toString().substring(0, 8);
            var state = UUID.randomUUID();
            var county = UUID.randomUUID();
            var locality = UUID.randomUUID();
            var place = UUID.randomUUID();
            try (var db = database.connectAsSuperuser()) {
                update(db, """
                        INSERT INTO organization (id, slug, name, plan_id, webhook_url, webhook_secret,
                                                  email_notifications)
                        VALUES (?, ?, 'Org', ?::uuid, ?, ?, ?)""", world.org, "o-" + code, FREE_PLAN, webhookUrl,
                        secret, email);
                update(db, "INSERT INTO organization (id, slug, name, plan_id, email_notifications)"
                        + " VALUES (?, ?, 'Other', ?::uuid, true)", world.other, "x-" + code, FREE_PLAN);
                for (var user : List.of(world.alice, world.bob, world.carol)) {
                    user(db, user, world.org);
                }
                user(db, world.dave, world.other);
                location(db, state, null, "state", "S" + code);
                location(db, county, state, "county", "C" + code);
                location(db, locality, county, "locality", "L" + code);
                update(db, """
                        INSERT INTO place (id, organization_id, location_id, category_id, name, lat, lng)
                        VALUES (?, ?, ?, '00000000-0000-4000-8002-000000000001', 'Diner', 39.8, -89.65)""", place,
                        world.org, locality);
                follow(db, world.org, world.alice, state);
                follow(db, world.org, world.bob, locality);
                follow(db, world.other, world.dave, locality);
                update(db, """
                        INSERT INTO change_event (id, organization_id, subject_type, subject_id, location_id, kind,
                                                  payload)
                        VALUES (?, ?, 'place', ?, ?, 'rating_changed', '{"rating": 4.5}'::jsonb)""", world.event,
                        world.org, place, locality);
            }
            return world;
        }

        String aliceEmail() {
            return "u" + alice.toString().substring(0, 8) + "@example.test";
        }

        String bobEmail() {
            return "u" + bob.toString().substring(0, 8) + "@example.test";
        }

        /** "<user> <status>" of this organization's notifications, Alice's first. */
        List<String> notifications() throws SQLException {
            return strings("""
                    SELECT n.user_id || ' ' || n.status FROM notification n JOIN app_user u ON u.id = n.user_id
                    WHERE n.organization_id = ? ORDER BY u.username = ?, u.username""", org,
                    "u" + bob.toString().substring(0, 8));
        }

        /** "<channel> <attempt> <status>" of every attempt on this organization's notifications, sorted. */
        List<String> log() throws SQLException {
            return strings("SELECT channel || ' ' || attempt || ' ' || status FROM notification_log"
                    + " WHERE organization_id = ? ORDER BY 1", org);
        }

        List<String> errors() throws SQLException {
            return strings("SELECT DISTINCT error FROM notification_log WHERE organization_id = ?", org);
        }

        /** Time passes: this organization's pending notifications are due. */
        void due() throws SQLException {
            try (var db = database.connectAsSuperuser()) {
                update(db, "UPDATE notification SET next_attempt_at = now() - interval '1 second'"
                        + " WHERE organization_id = ? AND status = 'pending'", org);
            }
        }

        private static void user(Connection db, UUID id, UUID organization) throws SQLException {
            var name = "u" + id.toString().substring(0, 8);
            update(db, """
                    INSERT INTO app_user (id, organization_id, username, password_hash, full_name, role, email)
                    VALUES (?, ?, ?, 'x', 'Someone', 'member', ?)""", id, organization, name,
                    name + "@example.test");
        }

        private static void location(Connection db, UUID id, UUID parent, String level, String code)
                throws SQLException {
            update(db, """
                    INSERT INTO location (id, parent_id, level, code, name, lat, lng, time_zone)
                    VALUES (?, ?, ?, ?, ?, 39.8, -89.6, 'America/Chicago')""", id, parent, level, code,
                    "Place " + code);
        }

        private static void follow(Connection db, UUID organization, UUID user, UUID location) throws SQLException {
            update(db, "INSERT INTO location_follow (id, organization_id, user_id, location_id) VALUES (?, ?, ?, ?)",
                    UUID.randomUUID(), organization, user, location);
        }
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(strings(sql, parameters).get(0));
    }

    private static List<String> strings(String sql, Object... parameters) throws SQLException {
        try (var db = database.connectAsSuperuser(); var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            var values = new ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
