package dev.meridian.launcher;

import static dev.meridian.launcher.ApiClient.basic;
import static dev.meridian.launcher.ApiClient.bearer;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API, readiness and the portal's sign-in on the shared {@link RunningMeridian}, over HTTP and in
 * headless Chromium.
 */
class EndToEndIT {

    private static final String ADMIN = RunningMeridian.ADMIN;
    private static final String ADMIN_PASSWORD = RunningMeridian.ADMIN_PASSWORD;
    private static final String ACME = "acme";
    private static final String GLOBEX = "globex";
    private static final String USER_PASSWORD = "correct horse battery";

    private static RunningMeridian meridian;
    private static ApiClient api;
    private static Seed seed;

    /** Tenants, users and API keys that the tests share and assert on. */
    private record Seed(String adminKey, String aliceKey, String aliceKeyId, String bobKey) {
    }

    @BeforeAll
    static void startMeridian() throws Exception {
        meridian = RunningMeridian.get();
        api = meridian.api();
    }

    @Test
    void userKeyIdentifiesUserAndOrganization() throws Exception {
        JsonObject me = api.get("/api/v1/me", bearer(seed().aliceKey())).json();

        assertAll(
                () -> assertEquals("alice", me.getString("username")),
                () -> assertEquals("admin", me.getString("role")),
                () -> assertFalse(me.getBoolean("platformAdmin")),
                () -> assertEquals(ACME, me.getJsonObject("organization").getString("slug")));
    }

    /**
     * On Payara Server too, the row-level security settings travel with the transaction's first query: a place of
     * the demo data is one statement, not the settings and then the place.
     */
    @Test
    void theContextSettingsCostNoStatementOfTheirOwn() throws Exception {
        String owner = bearer(api.issueKey(basic("user1.1", RunningMeridian.DEMO_PASSWORD), "timing")
                .getString("key"));
        var places = api.get("/api/v1/places?limit=1", owner);
        assertEquals(200, places.status(), () -> "places: " + places.body());
        var place = "/api/v1/places/" + places.json().getJsonArray("items").getJsonObject(0).getString("id");

        var read = api.get(place, owner);

        assertEquals(200, read.status());
        var timing = read.headers().firstValue("Server-Timing").orElseThrow();
        assertTrue(timing.contains("db;desc=\"1 statements\""), timing);
    }

    @Test
    void platformAdminListsOrganizationsAndUsers() throws Exception {
        String admin = bearer(seed().adminKey());

        var organizations = api.get("/api/v1/organizations", admin);
        var acmeUsers = api.get("/api/v1/organizations/" + ACME + "/users", admin);

        assertEquals(200, organizations.status());
        assertTrue(values(organizations.json(), "slug").contains(ACME));
        assertTrue(values(organizations.json(), "slug").contains(GLOBEX));
        assertEquals(200, acmeUsers.status());
        assertTrue(values(acmeUsers.json(), "username").contains("alice"));
        assertFalse(values(acmeUsers.json(), "username").contains("bob"));
    }

    @Test
    void anotherOrganizationsUsersAreNotFound() throws Exception {
        var response = api.get("/api/v1/organizations/" + ACME + "/users", bearer(seed().bobKey()));

        assertProblem(404, response);
    }

    @Test
    void anotherOrganizationsKeyCannotBeRevoked() throws Exception {
        Seed seed = seed();

        var revoke = api.delete("/api/v1/keys/" + seed.aliceKeyId(), bearer(seed.bobKey()));

        assertProblem(404, revoke);
        assertEquals(200, api.get("/api/v1/me", bearer(seed.aliceKey())).status());
    }

    @Test
    void missingOrUnknownCredentialsAreUnauthorized() throws Exception {
        assertProblem(401, api.get("/api/v1/me", null));
        assertProblem(401, api.get("/api/v1/me", bearer("mk_not-a-real-key")));
        assertProblem(401, api.get("/api/v1/me", basic(ADMIN, "wrong password")));
    }

    @Test
    void readinessFollowsTheDatabase() throws Exception {
        assertEquals(200, readiness().status());

        meridian.runtime().stopDatabase();
        try {
            JsonObject down = awaitReadiness(503, Duration.ofSeconds(30));
            assertEquals("DOWN", down.getString("status"));
        } finally {
            meridian.runtime().startDatabase();
        }
        JsonObject up = awaitReadiness(200, Duration.ofSeconds(60));

        assertEquals("UP", up.getString("status"));
        assertEquals(200, api.get("/api/v1/me", bearer(seed().adminKey())).status(), "API works without a restart");
    }

    @Test
    void adminSignsInAndSeesOrganizations() throws Exception {
        seed();
        try (var browser = new Browser(meridian)) {
            try {
                browser.signIn(ADMIN, ADMIN_PASSWORD).open("organizations.xhtml").showing(".ui-datatable", ACME);
                var signedInAs = browser.visible("[id$='signed-in-as']");

                assertTrue(signedInAs.getText().contains(ADMIN), signedInAs.getText());
            } finally {
                // also on failure: the picture shows what went wrong
                browser.screenshot("admin-organizations");
            }
        }
    }

    /** Creates the shared tenants, users and keys on first use, through the API itself. */
    private static synchronized Seed seed() throws Exception {
        if (seed == null) {
            String adminKey = createKey(basic(ADMIN, ADMIN_PASSWORD)).getString("key");
            createOrganization(adminKey, ACME, "Acme Corp");
            createOrganization(adminKey, GLOBEX, "Globex Corporation");
            createUser(adminKey, ACME, "alice", "Alice A");
            createUser(adminKey, GLOBEX, "bob", "Bob B");
            JsonObject aliceKey = createKey(basic("alice", USER_PASSWORD));
            String bobKey = createKey(basic("bob", USER_PASSWORD)).getString("key");
            seed = new Seed(adminKey, aliceKey.getString("key"), aliceKey.getString("id"), bobKey);
        }
        return seed;
    }

    private static JsonObject createKey(String authorization) throws Exception {
        JsonObject key = api.issueKey(authorization, "e2e");
        assertAll(
                () -> assertEquals("e2e", key.getString("name")),
                () -> assertFalse(key.getString("prefix").isBlank(), "prefix"),
                () -> assertFalse(key.getString("key").isBlank(), "the secret, shown once"));
        return key;
    }

    private static void createOrganization(String adminKey, String slug, String name) throws Exception {
        var response = api.post("/api/v1/organizations", bearer(adminKey),
                Json.createObjectBuilder().add("slug", slug).add("name", name).build());
        assertEquals(201, response.status(), () -> "create organization: " + response.body());
        assertEquals(slug, response.json().getString("slug"));
        assertTrue(response.json().getBoolean("active"));
    }

    private static void createUser(String adminKey, String organization, String username, String fullName)
            throws Exception {
        var response = api.post("/api/v1/organizations/" + organization + "/users", bearer(adminKey),
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", USER_PASSWORD)
                        .add("fullName", fullName)
                        .add("role", "admin")
                        .build());
        assertEquals(201, response.status(), () -> "create user: " + response.body());
        assertEquals(username, response.json().getString("username"));
    }

    private static List<String> values(JsonObject list, String field) {
        return list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString(field))
                .toList();
    }

    private static void assertProblem(int status, ApiClient.Response response) {
        assertEquals(status, response.status());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals(status, response.json().getInt("status"));
        assertTrue(response.json().containsKey("title"), "title");
    }

    private static ApiClient.Response readiness() throws IOException, InterruptedException {
        return api.get("/health/ready", null);
    }

    /** Polls readiness until it answers the expected status; returns its JSON. */
    private static JsonObject awaitReadiness(int status, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        ApiClient.Response last = readiness();
        while (last.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            last = readiness();
        }
        assertEquals(status, last.status(), "readiness after " + timeout.toSeconds() + " s: " + last.body());
        return last.json();
    }
}
