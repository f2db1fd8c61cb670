package dev.meridian.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.meridian.domain.tenancy.Role;
import dev.meridian.domain.tenancy.Slug;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.context.Caller;
import dev.meridian.persistence.problems.AccessDenied;
import dev.meridian.persistence.tenancy.OrganizationRepository;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;

/**
 * Tenancy on Payara Micro against a fresh PostgreSQL database: the REST API over HTTP as clients use it
 * ({@code @RunAsClient}), and the row-level security context in the container. Both kinds share one class, so
 * one Micro start serves them all (the scheduled jobs have their own, {@code OperationsIT}). Every test
 * creates the organizations, users and keys it needs under names of its own.
 */
@ExtendWith(ArquillianExtension.class)
class TenancyIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String ADMIN = MeridianDeployment.ADMIN_USERNAME;
    private static final String ADMIN_PASSWORD = MeridianDeployment.ADMIN_PASSWORD;

    @Deployment
    static WebArchive deployment() {
        return MeridianDeployment.create();
    }

    // ---- the REST API, over HTTP -------------------------------------------------------------------------

    @Test
    @RunAsClient
    void bootstrapAdminGetsAKeyByPasswordWhoseSecretIsNeverShownAgain(@ArquillianResource URL base) {
        var api = new Api(base);
        var created = api.post("keys", Api.basic(ADMIN, ADMIN_PASSWORD), named("deploy script"));

        assertEquals(201, created.status(), created::toString);
        var key = created.json();
        var secret = key.getString("key");
        assertTrue(secret.startsWith("mrd_" + key.getString("prefix") + "_"), secret);
        assertTrue(created.header("Location").orElseThrow().endsWith("/api/v1/keys/" + key.getString("id")));

        var listed = api.get("keys", Api.bearer(secret));
        assertEquals(200, listed.status(), listed::toString);
        var shown = item(listed.json(), "id", key.getString("id"));
        assertEquals(key.getString("prefix"), shown.getString("prefix"));
        assertEquals("deploy script", shown.getString("name"));
        assertFalse(shown.containsKey("key"), shown::toString);
        assertFalse(listed.body().contains(secret), "the secret is shown once only");
    }

    @Test
    @RunAsClient
    void platformAdminCreatesAnOrganizationWhoseSlugIsThenTaken(@ArquillianResource URL base) {
        var api = new Api(base);
        var admin = adminKey(api);
        var slug = unique("acme");

        var created = api.post("organizations", admin, organization(slug));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").orElseThrow().endsWith("/api/v1/organizations/" + slug));
        assertEquals(slug, created.json().getString("slug"));
        assertEquals("free", created.json().getString("plan"));

        var again = api.post("organizations", admin, organization(slug));
        assertTrue(again.problem(409).getString("detail").contains("slug"), again::toString);
    }

    @Test
    @RunAsClient
    void invalidSlugIsABadRequestNamingTheField(@ArquillianResource URL base) {
        var api = new Api(base);

        var reply = api.post("organizations", adminKey(api), organization("Not a slug!"));

        var errors = reply.problem(400).getJsonArray("errors");
        assertEquals("slug", errors.getJsonObject(0).getString("field"), reply::toString);
    }

    @Test
    @RunAsClient
    void malformedOrMissingBodyIsABadRequest(@ArquillianResource URL base) {
        var api = new Api(base);
        var admin = adminKey(api);

        api.send("POST", "organizations", admin, "{\"slug\": \"acme\", \"name\": ").problem(400);
        api.send("POST", "organizations", admin, null).problem(400);
        api.send("POST", "keys", admin, "[1, 2").problem(400);
    }

    @Test
    @RunAsClient
    void unknownRouteAndWrongMethodAnswerAsProblems(@ArquillianResource URL base) {
        var api = new Api(base);
        var admin = adminKey(api);

        api.get("nowhere", admin).problem(404);
        var wrongMethod = api.send("PUT", "me", admin, "{}");
        wrongMethod.problem(405);
        assertTrue(wrongMethod.header("Allow").orElse("").contains("GET"), wrongMethod::toString);
    }

    @Test
    @RunAsClient
    void requestWithoutCredentialsIsUnauthorizedWithAChallenge(@ArquillianResource URL base) {
        var reply = new Api(base).get("me", null);

        reply.problem(401);
        assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith("Bearer"), reply::toString);
    }

    @Test
    @RunAsClient
    void passwordIsAcceptedOnlyToCreateAKey(@ArquillianResource URL base) {
        var api = new Api(base);
        var password = Api.basic(ADMIN, ADMIN_PASSWORD);

        api.get("me", password).problem(401);
        api.get("keys", password).problem(401);
        api.post("organizations", password, organization(unique("basic"))).problem(401);
        api.post("keys", Api.basic(ADMIN, "not the password"), named("guess")).problem(401);
        assertEquals(201, api.post("keys", password, named("by password")).status());
    }

    @Test
    @RunAsClient
    void organizationAdminSeesOwnOrganizationAndItsUsersOnly(@ArquillianResource URL base) {
        var api = new Api(base);
        var admin = adminKey(api);
        var acme = Tenant.create(api, admin, "acme");
        var globex = Tenant.create(api, admin, "globex");
        var alice = Api.bearer(api.issueKey(acme.admin(), PASSWORD).getString("key"));

        var me = api.get("me", alice);
        assertEquals(200, me.status(), me::toString);
        assertEquals(acme.admin(), me.json().getString("username"));
        assertEquals("admin", me.json().getString("role"));
        assertFalse(me.json().getBoolean("platformAdmin"));
        assertEquals(acme.slug(), me.json().getJsonObject("organization").getString("slug"));

        var users = api.get("organizations/" + acme.slug() + "/users", alice);
        assertEquals(200, users.status(), users::toString);
        assertEquals(List.of(acme.admin(), acme.member()), values(users.json(), "username"));

        // another tenant's organization answers exactly like one that does not exist
        var foreign = api.get("organizations/" + globex.slug() + "/users", alice);
        var missing = api.get("organizations/" + unique("none") + "/users", alice);
        foreign.problem(404);
        missing.problem(404);

        var organizations = api.get("organizations", alice);
        assertEquals(List.of(acme.slug()), values(organizations.json(), "slug"));
        api.post("organizations", alice, organization(unique("own"))).problem(403);
    }

    /**
     * Resources are application-scoped: one instance serves every request. Two tenants' callers interleaved on
     * many threads must each see their own organization, which a resource keeping request data in a field would
     * mix up.
     */
    @Test
    @RunAsClient
    void callersInterleavedOnManyThreadsEachSeeTheirOwnOrganization(@ArquillianResource URL base) throws Exception {
        var api = new Api(base);
        var admin = adminKey(api);
        var tenants = List.of(Tenant.create(api, admin, "acme"), Tenant.create(api, admin, "globex"));
        var keys = new ArrayList<String>();
        for (var tenant : tenants) {
            keys.add(Api.bearer(api.issueKey(tenant.admin(), PASSWORD).getString("key")));
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<List<String>>>();
            // within the default plan's 60 requests per minute for each organization
            for (int i = 0; i < 80; i++) {
                var key = keys.get(i % 2);
                var slug = tenants.get(i % 2).slug();
                answers.add(pool.submit(() -> {
                    var users = api.get("organizations/" + slug + "/users", key);
                    assertEquals(200, users.status(), users::toString);
                    return values(users.json(), "username");
                }));
            }
            for (int i = 0; i < answers.size(); i++) {
                var tenant = tenants.get(i % 2);
                assertEquals(List.of(tenant.admin(), tenant.member()), answers.get(i).get(), "answer " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @RunAsClient
    void memberMayNotListTheUsersOfTheirOrganization(@ArquillianResource URL base) {
        var api = new Api(base);
        var acme = Tenant.create(api, adminKey(api), "acme");
        var carol = Api.bearer(api.issueKey(acme.member(), PASSWORD).getString("key"));

        assertEquals(200, api.get("me", carol).status());
        api.get("organizations/" + acme.slug() + "/users", carol).problem(403);
    }

    @Test
    @RunAsClient
    void keyIsRevokedByItsOwnerAndInvisibleToOtherTenants(@ArquillianResource URL base) {
        var api = new Api(base);
        var admin = adminKey(api);
        var acme = Tenant.create(api, admin, "acme");
        var globex = Tenant.create(api, admin, "globex");
        var aliceKey = api.issueKey(acme.admin(), PASSWORD);
        var alice = Api.bearer(aliceKey.getString("key"));
        var bob = Api.bearer(api.issueKey(globex.admin(), PASSWORD).getString("key"));

        api.delete("keys/" + aliceKey.getString("id"), bob).problem(404);
        api.delete("keys/not-a-key-id", bob).problem(404);
        assertEquals(200, api.get("me", alice).status(), "a foreign tenant's revocation changed nothing");

        var revoked = api.delete("keys/" + aliceKey.getString("id"), alice);
        assertEquals(204, revoked.status(), revoked::toString);
        api.get("me", alice).problem(401);
        assertEquals(200, api.get("me", bob).status());
    }

    @Test
    @RunAsClient
    void usernameIsUniqueAcrossOrganizations(@ArquillianResource URL base) {
        var api = new Api(base);
        var admin = adminKey(api);
        var acme = Tenant.create(api, admin, "acme");
        var globex = Tenant.create(api, admin, "globex");

        var taken = api.post("organizations/" + globex.slug() + "/users", admin, user(acme.member(), "member"));

        assertTrue(taken.problem(409).getString("detail").contains("username"), taken::toString);
    }

    @Test
    @RunAsClient
    void aUserMayBeCreatedWithAnEmailAndAMalformedOneCreatesNobody(@ArquillianResource URL base) {
        var api = new Api(base);
        var admin = adminKey(api);
        var acme = Tenant.create(api, admin, "acme");
        var users = "organizations/" + acme.slug() + "/users";
        var ada = unique("ada");
        var bob = unique("bob");

        var created = api.post(users, admin, Json.createObjectBuilder(user(ada, "member"))
                .add("email", " ada@example.org ").build());
        var refused = api.post(users, admin, Json.createObjectBuilder(user(bob, "member"))
                .add("email", "bob at example.org").build());

        assertEquals(201, created.status(), created::toString);
        assertEquals("ada@example.org", created.json().getString("email"));
        assertEquals("email", refused.problem(400).getJsonArray("errors").getJsonObject(0).getString("field"),
                refused::toString);
        var listed = api.get(users, admin).json();
        assertEquals("ada@example.org", item(listed, "username", ada).getString("email"));
        assertTrue(values(listed, "username").stream().noneMatch(bob::equals), listed::toString);
    }

    @Test
    @RunAsClient
    void anAdminSetsTheNotificationChannelsThatNoMemberNorOtherTenantSees(@ArquillianResource URL base) {
        var api = new Api(base);
        var admin = adminKey(api);
        var acme = Tenant.create(api, admin, "acme");
        var globex = Tenant.create(api, admin, "globex");
        var alice = Api.bearer(api.issueKey(acme.admin(), PASSWORD).getString("key"));
        var carol = Api.bearer(api.issueKey(acme.member(), PASSWORD).getString("key"));
        var bob = Api.bearer(api.issueKey(globex.admin(), PASSWORD).getString("key"));
        var channels = "organizations/" + acme.slug() + "/notification-channels";

        var set = api.send("PUT", channels, alice,
                channels("https://hooks.example/acme", "sixteen-or-more-chars", true));
        assertEquals(200, set.status(), set::toString);
        assertEquals("https://hooks.example/acme", set.json().getString("webhookUrl"));
        assertFalse(set.body().contains("sixteen-or-more-chars"), "the secret is never read back");

        // a new URL keeps the secret; a short secret, a malformed URL or a new webhook without one change nothing
        var moved = api.send("PUT", channels, alice, channels("https://hooks.example/moved", null, true));
        assertEquals(200, moved.status(), moved::toString);
        assertEquals("webhookSecret", firstField(api.send("PUT", channels, alice,
                channels("https://hooks.example/x", "short", false)).problem(400)));
        assertEquals("webhookUrl", firstField(api.send("PUT", channels, alice,
                channels("ftp://hooks.example", null, false)).problem(400)));
        // nor does a webhook aimed at the cloud's metadata endpoint, which the server could reach for them
        var metadata = api.send("PUT", channels, alice,
                channels("http://169.254.169.254/latest/meta-data/", null, false)).problem(400);
        assertEquals("webhookUrl", firstField(metadata));
        assertTrue(metadata.toString().contains("169.254.169.254 is a link-local address"), metadata::toString);
        var globexChannels = "organizations/" + globex.slug() + "/notification-channels";
        assertEquals("webhookSecret", firstField(api.send("PUT", globexChannels, bob,
                channels("https://hooks.example/globex", null, false)).problem(400)));
        var read = api.get(channels, alice);
        assertEquals(200, read.status(), read::toString);
        assertEquals("https://hooks.example/moved", read.json().getString("webhookUrl"));
        assertTrue(read.json().getBoolean("emailNotifications"));

        // a member is refused; another tenant's admin finds no such organization
        api.get(channels, carol).problem(403);
        api.send("PUT", channels, carol, channels(null, null, false)).problem(403);
        api.get(channels, bob).problem(404);
        api.send("PUT", channels, bob, channels(null, null, false)).problem(404);
        assertEquals(read.body(), api.get(channels, alice).body(), "nothing changed");

        var cleared = api.send("PUT", channels, alice, channels(" ", null, false));
        assertEquals(200, cleared.status(), cleared::toString);
        assertTrue(cleared.json().isNull("webhookUrl"), cleared::toString);
        assertFalse(cleared.json().getBoolean("emailNotifications"));
    }

    @Test
    @RunAsClient
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne(@ArquillianResource URL base) {
        var api = new Api(base);
        var acme = Tenant.create(api, adminKey(api), "acme");
        var carol = Api.bearer(api.issueKey(acme.member(), PASSWORD).getString("key"));
        String newPassword = "a new password of carol's";

        assertEquals("currentPassword", firstField(api.send("PUT", "me/password", carol,
                passwordChange("not the password", newPassword)).problem(400)));
        assertEquals("newPassword", firstField(api.send("PUT", "me/password", carol,
                passwordChange(PASSWORD, "too short")).problem(400)));
        // a refused change changed nothing: the password still issues keys
        api.issueKey(acme.member(), PASSWORD);

        var changed = api.send("PUT", "me/password", carol, passwordChange(PASSWORD, newPassword));

        assertEquals(204, changed.status(), changed::toString);
        api.post("keys", Api.basic(acme.member(), PASSWORD), Json.createObjectBuilder().add("name", "old").build())
                .problem(401);
        api.issueKey(acme.member(), newPassword);
        assertEquals(200, api.get("me", carol).status(), "the caller's keys keep working");
    }

    private static String passwordChange(String current, String replacement) {
        return Json.createObjectBuilder().add("currentPassword", current).add("newPassword", replacement).build()
                .toString();
    }

    private static String channels(String url, String secret, boolean email) {
        var body = Json.createObjectBuilder().add("emailNotifications", email);
        if (url != null) {
            body.add("webhookUrl", url);
        }
        if (secret != null) {
            body.add("webhookSecret", secret);
        }
        return body.build().toString();
    }

    private static String firstField(JsonObject problem) {
        return problem.getJsonArray("errors").getJsonObject(0).getString("field");
    }

    @Test
    @RunAsClient
    void healthProbesAnswerUpAtTheServerRoot(@ArquillianResource URL base) {
        var api = new Api(base);

        var ready = api.get("/health/ready", null);
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.json().getString("status"));
        var database = item(ready.json().getJsonArray("checks").getValuesAs(JsonObject.class), "name", "database");
        assertEquals("UP", database.getString("status"), ready::toString);
        assertEquals(200, api.get("/health/live", null).status());
        assertEquals(200, api.get("/health/started", null).status());
    }

    @Test
    @RunAsClient
    void openApiDocumentDescribesTheRoutes(@ArquillianResource URL base) {
        var document = new Api(base).get("/openapi", null);

        assertEquals(200, document.status(), document::toString);
        assertTrue(document.body().contains("/api/v1/organizations/{slug}/users"), document::toString);
    }

    @Test
    @RunAsClient
    void aPageBeyondTheLimitIsABadRequestNamingTheField(@ArquillianResource URL base) {
        var api = new Api(base);
        var admin = adminKey(api);

        assertEquals("limit", api.get("organizations?limit=1000", admin).problem(400).getJsonArray("errors")
                .getJsonObject(0).getString("field"));
    }

    // ---- the row-level security context, in the container -------------------------------------------------

    @Inject
    ActingContext context;

    @Inject
    OrganizationRepository organizations;

    @Inject
    TransactionSettings settings;

    @Resource
    UserTransaction transaction;

    @Test
    void withoutACallerRepositoriesSeeNoOrganization() {
        var platform = new Slug("platform");

        assertEquals(0, organizations.count(null));
        assertTrue(organizations.findBySlug(platform).isEmpty());
        assertTrue(context.asSystem(() -> organizations.findBySlug(platform)).isPresent(),
                "the system itself sees the platform organization");
    }

    @Test
    void platformScopeIsRefusedToACallerWhoIsNoPlatformAdmin() {
        context.authenticated(new Caller(UUID.randomUUID(), UUID.randomUUID(), "someone", Role.OWNER, false));
        var ran = new AtomicBoolean();

        assertThrows(AccessDenied.class, () -> context.onPlatform(() -> ran.getAndSet(true)));
        assertFalse(ran.get());
    }

    @Test
    void contextIsSetOncePerTransactionAndAgainOnlyWhenTheScopeChanges() throws Exception {
        var tenant = UUID.randomUUID();
        context.authenticated(new Caller(UUID.randomUUID(), tenant, "operator", Role.OWNER, true));
        var marker = UUID.randomUUID().toString();

        transaction.begin();
        try {
            assertEquals(0, organizations.count(null), "an unknown tenant sees no organization");
            assertEquals(tenant.toString(), settings.read("app.tenant_id"));
            assertEquals("tenant", settings.read("app.scope"));

            // same context, same transaction: the interceptor leaves the connection alone
            settings.overwrite("app.tenant_id", marker);
            organizations.count(null);
            assertEquals(marker, settings.read("app.tenant_id"));

            // widening to platform scope applies again, and so does narrowing back
            long all = context.onPlatform(() -> {
                long counted = organizations.count(null);
                assertEquals("platform", settings.read("app.scope"));
                assertEquals(tenant.toString(), settings.read("app.tenant_id"));
                return counted;
            });
            assertTrue(all >= 1, "platform scope sees every organization");
            assertEquals(0, organizations.count(null));
            assertEquals("tenant", settings.read("app.scope"));
        } finally {
            transaction.rollback();
        }

        // nothing outlives the transaction on the pooled connection
        transaction.begin();
        try {
            assertUnset(settings.read("app.tenant_id"));
            assertUnset(settings.read("app.scope"));
        } finally {
            transaction.rollback();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** An organization with an admin and a member, all under fresh names. */
    record Tenant(String slug, String admin, String member) {

        static Tenant create(Api api, String platformAdmin, String name) {
            var tenant = new Tenant(unique(name), unique(name + "-admin"), unique(name + "-member"));
            var organization = api.post("organizations", platformAdmin, organization(tenant.slug()));
            assertEquals(201, organization.status(), organization::toString);
            for (var user : List.of(user(tenant.admin(), "admin"), user(tenant.member(), "member"))) {
                var created = api.post("organizations/" + tenant.slug() + "/users", platformAdmin, user);
                assertEquals(201, created.status(), created::toString);
            }
            return tenant;
        }
    }

    private static String adminKey(Api api) {
        return Api.bearer(api.issueKey(ADMIN, ADMIN_PASSWORD).getString("key"));
    }

    private static String unique(String name) {
        return name + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static JsonObject named(String name) {
        return Json.createObjectBuilder().add("name", name).build();
    }

    private static JsonObject organization(String slug) {
        return Json.createObjectBuilder().add("slug", slug).add("name", "Organization " + slug).build();
    }

    private static JsonObject user(String username, String role) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("password", PASSWORD)
                .add("fullName", "User " + username)
                .add("role", role)
                .build();
    }

    private static JsonObject item(JsonObject page, String field, String value) {
        return item(page.getJsonArray("items").getValuesAs(JsonObject.class), field, value);
    }

    private static JsonObject item(List<JsonObject> items, String field, String value) {
        return items.stream()
                .filter(item -> value.equals(item.getString(field, null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + items));
    }

    private static List<String> values(JsonObject page, String field) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString(field))
                .toList();
    }

    private static void assertUnset(String setting) {
        assertTrue(setting == null || setting.isEmpty(), () -> "still set: " + setting);
    }
}
