package dev.meridian.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import dev.meridian.domain.operations.JobOutcome;
import dev.meridian.persistence.operations.JobRunner;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Notifications and support tickets on Payara Micro: the caller's queue and tickets over HTTP as clients use
 * them ({@code @RunAsClient}), and the dispatch job in the container, run through the job runner against real
 * webhook receivers on loopback. Data the API cannot create (follows, change events, an organization's
 * webhook) is arranged behind row-level security's back, as the superuser of the test database.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String FREE_PLAN = "00000000-0000-4000-8000-000000000001";

    /** The test database's URL, read from the deployment on the client side. */
    private static String databaseUrl;

    @Deployment
    static WebArchive deployment() {
        var archive = MeridianDeployment.create();
        var settings = new Properties();
        try (var in = archive.get("/WEB-INF/classes/META-INF/microprofile-config.properties").getAsset()
                .openStream()) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        databaseUrl = settings.getProperty("DATABASE_URL");
        return archive;
    }

    // ---- my notifications, over HTTP ----------------------------------------------------------------------

    @Test
    @RunAsClient
    void myQueueIsNewestFirstFiltersUnreadAndMarksReadOnlyMyOwn(@ArquillianResource URL base) throws Exception {
        var api = new Api(base);
        var admin = adminKey(api);
        var acme = Tenant.create(api, admin, "acme");
        var globex = Tenant.create(api, admin, "globex");
        var alice = acme.adminKey(api);
        var carol = acme.memberKey(api);
        var bob = globex.adminKey(api);
        var aliceId = id(api, alice);
        var carolId = id(api, carol);
        var location = location();
        var older = notification(aliceId, location, "rating_changed", "2030-01-01T00:00:00Z").toString();
        var newer = notification(aliceId, location, "name_changed", "2030-01-02T00:00:00Z").toString();
        var carols = notification(carolId, location, "name_changed", "2030-01-03T00:00:00Z").toString();

        var queue = api.get("me/notifications", alice);
        assertEquals(200, queue.status(), queue::toString);
        assertEquals(List.of(newer, older), values(queue.json(), "id"));
        var first = queue.json().getJsonArray("items").getJsonObject(0);
        assertEquals("name_changed", first.getString("kind"));
        assertEquals(location.toString(), first.getString("locationId"));
        assertFalse(first.getBoolean("read"));
        assertEquals(List.of(newer), values(api.get("me/notifications?limit=1", alice).json(), "id"));
        assertEquals(List.of(older), values(api.get("me/notifications?offset=1&limit=1", alice).json(), "id"));

        assertEquals(204, api.post("me/notifications/" + newer + "/read", alice, empty()).status());
        assertEquals(204, api.post("me/notifications/" + newer + "/read", alice, empty()).status(), "twice is fine");
        assertEquals(List.of(older), values(api.get("me/notifications?unread=true", alice).json(), "id"));
        assertEquals(2, api.get("me/notifications?unread=false", alice).json().getJsonArray("items").size());

        // another user's notification, in the same tenant or another: not found, and still unread
        api.post("me/notifications/" + carols + "/read", alice, empty()).problem(404);
        api.post("me/notifications/" + older + "/read", bob, empty()).problem(404);
        api.post("me/notifications/not-an-id/read", alice, empty()).problem(404);
        assertEquals(List.of(carols), values(api.get("me/notifications", carol).json(), "id"));
        assertEquals(List.of(), values(api.get("me/notifications", bob).json(), "id"));
        assertEquals(2, count("SELECT count(*) FROM notification WHERE id IN (?::uuid, ?::uuid) AND read_at IS NULL",
                carols, older));

        assertEquals("unread", api.get("me/notifications?unread=maybe", alice).problem(400)
                .getJsonArray("errors").getJsonObject(0).getString("field"));
        api.get("me/notifications?limit=1000", alice).problem(400);
        api.get("me/notifications", null).problem(401);
        api.post("me/notifications/" + older + "/read", null, empty()).problem(401);
    }

    // ---- support tickets, over HTTP -----------------------------------------------------------------------

    @Test
    @RunAsClient
    void aTicketIsSeenByItsAuthorTheirAdminsAndSupportOnly(@ArquillianResource URL base) throws Exception {
        var api = new Api(base);
        var platform = adminKey(api);
        var acme = Tenant.create(api, platform, "acme");
        var globex = Tenant.create(api, platform, "globex");
        var alice = acme.adminKey(api);
        var carol = acme.memberKey(api);
        var dan = acme.extraMember(api, platform);
        var bob = globex.adminKey(api);

        var opened = api.post("tickets", carol, ticket("Map is empty", "Nothing shows on the map."));
        assertEquals(201, opened.status(), opened::toString);
        var ticket = opened.json();
        var id = ticket.getString("id");
        assertTrue(opened.header("Location").orElseThrow().endsWith("/api/v1/tickets/" + id));
        assertEquals("open", ticket.getString("status"));
        assertEquals(acme.member(), ticket.getString("author"));
        assertEquals(List.of("Nothing shows on the map."), values(ticket.getJsonArray("messages"), "body"));

        // the author and the organization's admin see it; another member, another tenant do not
        assertTrue(values(api.get("tickets", carol).json(), "id").contains(id));
        assertTrue(values(api.get("tickets", alice).json(), "id").contains(id));
        assertFalse(values(api.get("tickets", dan).json(), "id").contains(id));
        assertFalse(values(api.get("tickets", bob).json(), "id").contains(id));
        assertEquals(200, api.get("tickets/" + id, alice).status());
        api.get("tickets/" + id, dan).problem(404);
        api.get("tickets/" + id, bob).problem(404);
        api.get("tickets/not-an-id", bob).problem(404);
        api.post("tickets/" + id + "/messages", bob, message("let me in")).problem(404);
        api.post("tickets/" + id + "/messages", dan, message("me too")).problem(404);
        assertEquals(1, count("SELECT count(*) FROM ticket_message WHERE ticket_id = ?::uuid", id),
                "a refused message changes nothing");

        // support answers (pending: the tenant's turn), the author replies (open again)
        assertTrue(values(api.get("tickets?limit=100", platform).json(), "id").contains(id));
        var answer = api.post("tickets/" + id + "/messages", platform, message("Try reloading."));
        assertEquals(201, answer.status(), answer::toString);
        assertTrue(answer.json().getBoolean("fromSupport"));
        assertFalse(answer.json().containsKey("author"), "support's name is not shown");
        assertEquals("pending", api.get("tickets/" + id, carol).json().getString("status"));
        assertEquals(201, api.post("tickets/" + id + "/messages", carol, message("Still empty.")).status());
        var conversation = api.get("tickets/" + id, carol).json();
        assertEquals("open", conversation.getString("status"));
        assertEquals(List.of("Nothing shows on the map.", "Try reloading.", "Still empty."),
                values(conversation.getJsonArray("messages"), "body"));
    }

    @Test
    @RunAsClient
    void malformedTicketsAreProblemsAndWriteNothing(@ArquillianResource URL base) throws Exception {
        var api = new Api(base);
        var acme = Tenant.create(api, adminKey(api), "acme");
        var carol = acme.memberKey(api);
        var carolId = id(api, carol);

        assertEquals("subject", field(api.post("tickets", carol, Json.createObjectBuilder().add("message", "hi")
                .build()).problem(400)));
        assertEquals("message", field(api.post("tickets", carol, ticket("Subject", " ")).problem(400)));
        assertEquals("subject", field(api.post("tickets", carol, ticket("x".repeat(201), "hi")).problem(400)));
        api.send("POST", "tickets", carol, "{\"subject\": ").problem(400);
        api.send("POST", "tickets", carol, null).problem(400);
        api.post("tickets", null, ticket("Subject", "hi")).problem(401);
        assertEquals(0, count("SELECT count(*) FROM support_ticket WHERE author_user_id = ?::uuid", carolId));

        var id = api.post("tickets", carol, ticket("Subject", "hi")).json().getString("id");
        assertEquals("body", field(api.post("tickets/" + id + "/messages", carol, message("x".repeat(10_001)))
                .problem(400)));
        api.send("POST", "tickets/" + id + "/messages", carol, "[").problem(400);
        api.get("tickets?limit=0", carol).problem(400);
        assertEquals(1, count("SELECT count(*) FROM ticket_message WHERE ticket_id = ?::uuid", id));
    }

    // ---- the dispatch job, in the container ---------------------------------------------------------------

    @Inject
    JobRunner jobs;

    @Test
    void dispatchDeliversASignedWebhookAndRetriesAFailingReceiverWithBackoff() throws Exception {
        var received = new CopyOnWriteArrayList<Map.Entry<String, String>>();
        var refused = new CopyOnWriteArrayList<String>();
        var ok = receiver(200, received, null);
        var failing = receiver(503, null, refused);
        try {
            var secret = "whsec-" + UUID.randomUUID();
            var healthy = organization("http://127.0.0.1:" + ok.getAddress().getPort() + "/hook", secret);
            var broken = organization("http://127.0.0.1:" + failing.getAddress().getPort() + "/hook",
                    "whsec-" + UUID.randomUUID());
            var state = location();
            var locality = locality(state);
            var alice = user(healthy);
            var xavier = user(broken);
            follow(healthy, alice, state);
            follow(broken, xavier, locality);
            var event = event(healthy, locality);
            event(broken, locality);

            var run = jobs.run("dispatch-notifications").orElseThrow(() -> new AssertionError("lease not taken"));

            assertEquals(JobOutcome.SUCCEEDED, run.getOutcome(), () -> run.getDetail().orElse(""));
            assertEquals(List.of("sent"), strings("SELECT status FROM notification WHERE user_id = ?", alice),
                    "the follower of the state hears of its locality's place");
            assertEquals(1, received.size());
            var signature = received.get(0).getKey();
            var body = received.get(0).getValue();
            var t = Long.parseLong(signature.replaceAll("^t=(\\d+),v1=[0-9a-f]{64}$", "$1"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 300, signature);
            assertEquals("t=" + t + ",v1=" + hmac(secret, t + "." + body), signature);
            var payload = Json.createReader(new java.io.StringReader(body)).readObject();
            assertEquals(event.toString(), payload.getJsonObject("event").getString("id"));
            assertEquals(alice.toString(), payload.getJsonObject("user").getString("id"));
            assertEquals(List.of("webhook 1 sent"), log(alice));

            // the failing receiver: attempt 1 failed, due again after the backoff (60 s by default)
            assertEquals(List.of("webhook 1 failed HTTP 503"), log(xavier));
            assertEquals(1, refused.size());
            assertEquals(List.of("pending 1"), strings(
                    "SELECT status || ' ' || attempts FROM notification WHERE user_id = ?", xavier));
            assertEquals(1, count("""
                    SELECT count(*) FROM notification WHERE user_id = ?
                    AND next_attempt_at BETWEEN now() + interval '50 seconds' AND now() + interval '61 seconds'""",
                    xavier));

            jobs.run("dispatch-notifications").orElseThrow();
            assertEquals(1, refused.size(), "not retried before the backoff is over");

            update("UPDATE notification SET next_attempt_at = now() WHERE user_id = ?", xavier);
            jobs.run("dispatch-notifications").orElseThrow();
            assertEquals(List.of("webhook 1 failed HTTP 503", "webhook 2 failed HTTP 503"), log(xavier));
            assertEquals(2, refused.size());
            assertEquals(1, count("""
                    SELECT count(*) FROM notification WHERE user_id = ?
                    AND next_attempt_at BETWEEN now() + interval '110 seconds' AND now() + interval '121 seconds'""",
                    xavier), "the backoff doubles");
            assertEquals(1, received.size(), "a delivered notification is not sent again");
        } finally {
            ok.stop(0);
            failing.stop(0);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** An organization with an admin and a member, all under fresh names. */
    record Tenant(String slug, String admin, String member) {

        static Tenant create(Api api, String platformAdmin, String name) {
            var tenant = new Tenant(unique(name), unique(name + "-admin"), unique(name + "-member"));
            var organization = api.post("organizations", platformAdmin, Json.createObjectBuilder()
                    .add("slug", tenant.slug()).add("name", "Organization " + tenant.slug()).build());
            assertEquals(201, organization.status(), organization::toString);
            tenant.addUser(api, platformAdmin, tenant.admin(), "admin");
            tenant.addUser(api, platformAdmin, tenant.member(), "member");
            return tenant;
        }

        void addUser(Api api, String platformAdmin, String username, String role) {
            var created = api.post("organizations/" + slug + "/users", platformAdmin, Json.createObjectBuilder()
                    .add("username", username).add("password", PASSWORD).add("fullName", "User " + username)
                    .add("role", role).build());
            assertEquals(201, created.status(), created::toString);
        }

        String adminKey(Api api) {
            return Api.bearer(api.issueKey(admin, PASSWORD).getString("key"));
        }

        String memberKey(Api api) {
            return Api.bearer(api.issueKey(member, PASSWORD).getString("key"));
        }

        /** One more member, and a key for them. */
        String extraMember(Api api, String platformAdmin) {
            var username = unique(slug + "-extra");
            addUser(api, platformAdmin, username, "member");
            return Api.bearer(api.issueKey(username, PASSWORD).getString("key"));
        }
    }

    private static String adminKey(Api api) {
        return Api.bearer(api.issueKey(MeridianDeployment.ADMIN_USERNAME, MeridianDeployment.ADMIN_PASSWORD)
                .getString("key"));
    }

    private static UUID id(Api api, String key) {
        var me = api.get("me", key);
        assertEquals(200, me.status(), me::toString);
        return UUID.fromString(me.json().getString("id"));
    }

    private static String unique(String name) {
        return name + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static JsonObject empty() {
        return Json.createObjectBuilder().build();
    }

    private static JsonObject ticket(String subject, String message) {
        return Json.createObjectBuilder().add("subject", subject).add("message", message).build();
    }

    private static JsonObject message(String body) {
        return Json.createObjectBuilder().add("body", body).build();
    }

    private static String field(JsonObject problem) {
        return problem.getJsonArray("errors").getJsonObject(0).getString("field");
    }

    private static List<String> values(JsonObject page, String field) {
        return values(page.getJsonArray("items"), field);
    }

    private static List<String> values(jakarta.json.JsonArray items, String field) {
        return items.getValuesAs(JsonObject.class).stream().map(item -> item.getString(field)).toList();
    }

    private static HttpServer receiver(int status, List<Map.Entry<String, String>> signed, List<String> bodies)
            throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (signed != null) {
                signed.add(Map.entry(exchange.getRequestHeaders().getFirst("Meridian-Signature"), body));
            }
            if (bodies != null) {
                bodies.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String hmac(String secret, String signed) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** "<channel> <attempt> <status>[ <error>]" of a user's delivery attempts, in order. */
    private static List<String> log(UUID user) throws SQLException {
        return strings("""
                SELECT l.channel || ' ' || l.attempt || ' ' || l.status || coalesce(' ' || l.error, '')
                FROM notification_log l JOIN notification n ON n.id = l.notification_id
                WHERE n.user_id = ? ORDER BY l.attempt""", user);
    }

    // ---- arranging data as the database's superuser, behind row-level security ----------------------------

    private static UUID organization(String webhookUrl, String secret) throws SQLException {
        var id = UUID.randomUUID();
        update("""
                INSERT INTO organization (id, slug, name, plan_id, webhook_url, webhook_secret)
                VALUES (?, ?, 'Hooked', ?::uuid, ?, ?)""", id, unique("hooked"), FREE_PLAN, webhookUrl, secret);
        return id;
    }

    private static UUID user(UUID organization) throws SQLException {
        var id = UUID.randomUUID();
        update("""
                INSERT INTO app_user (id, organization_id, username, password_hash, full_name, role)
                VALUES (?, ?, ?, 'x', 'Follower', 'member')""", id, organization, unique("follower"));
        return id;
    }

    /** A new state. */
    private static UUID location() throws SQLException {
        var id = UUID.randomUUID();
        update("""
                INSERT INTO location (id, level, code, name, lat, lng, time_zone)
                VALUES (?, 'state', ?, 'State', 39.8, -89.6, 'America/Chicago')""", id,
                "S" + id.toString().substring(0, 8));
        return id;
    }

    /** A locality two levels under a state. */
    private static UUID locality(UUID state) throws SQLException {
        var county = UUID.randomUUID();
        var locality = UUID.randomUUID();
        update("""
                INSERT INTO location (id, parent_id, level, code, name, lat, lng, time_zone)
                VALUES (?, ?, 'county', 'C1', 'County', 39.8, -89.6, 'America/Chicago'),
                       (?, ?, 'locality', 'L1', 'Town', 39.8, -89.6, 'America/Chicago')""", county, state,
                locality, county);
        return locality;
    }

    private static void follow(UUID organization, UUID user, UUID location) throws SQLException {
        update("INSERT INTO location_follow (id, organization_id, user_id, location_id) VALUES (?, ?, ?, ?)",
                UUID.randomUUID(), organization, user, location);
    }

    /** A pending event about a new place of the organization. */
    private static UUID event(UUID organization, UUID location) throws SQLException {
        var id = UUID.randomUUID();
        update("""
                INSERT INTO change_event (id, organization_id, subject_type, subject_id, location_id, kind, payload)
                VALUES (?, ?, 'place', ?, ?, 'created', '{"name": "Diner"}'::jsonb)""", id, organization,
                UUID.randomUUID(), location);
        return id;
    }

    /** A delivered notification of a processed event at the location, for a user, created at the given time. */
    private static UUID notification(UUID user, UUID location, String kind, String createdAt) throws SQLException {
        var event = UUID.randomUUID();
        var id = UUID.randomUUID();
        update("""
                INSERT INTO change_event (id, organization_id, subject_type, subject_id, location_id, kind,
                                          processed_at)
                SELECT ?, organization_id, 'location', ?, ?, ?, now() FROM app_user WHERE id = ?""", event,
                location, location, kind, user);
        update("""
                INSERT INTO notification (id, organization_id, user_id, change_event_id, status, created_at)
                SELECT ?, organization_id, id, ?, 'sent', ?::timestamptz FROM app_user WHERE id = ?""", id, event,
                createdAt, user);
        return id;
    }

    private static Connection superuser() throws SQLException {
        var url = databaseUrl != null
                ? databaseUrl
                : ConfigProvider.getConfig(NotificationsIT.class.getClassLoader()).getValue("DATABASE_URL",
                        String.class);
        return DriverManager.getConnection(url, "postgres", "");
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (var db = superuser(); var statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(strings(sql, parameters).get(0));
    }

    private static List<String> strings(String sql, Object... parameters) throws SQLException {
        try (var db = superuser(); var statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            var values = new ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static void bind(java.sql.PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
