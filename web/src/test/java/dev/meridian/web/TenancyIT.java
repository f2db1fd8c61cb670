package dev.meridian.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.meridian.domain.operations.JobOutcome;
import dev.meridian.domain.operations.JobRun;
import dev.meridian.domain.tenancy.Role;
import dev.meridian.domain.tenancy.Slug;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.context.Caller;
import dev.meridian.persistence.operations.Job;
import dev.meridian.persistence.operations.JobLease;
import dev.meridian.persistence.operations.JobRunRepository;
import dev.meridian.persistence.operations.JobRunner;
import dev.meridian.persistence.problems.AccessDenied;
import dev.meridian.persistence.tenancy.OrganizationRepository;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import javax.sql.DataSource;

/**
 * Tenancy on Payara Micro against a fresh PostgreSQL database: the REST API over HTTP as clients use it
 * ({@code @RunAsClient}), and the row-level security context in the container. Both kinds share one class, so
 * one Micro start serves them all; the scheduled jobs are run here too, for the same reason. Every test
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

        assertEquals(0, organizations.count());
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
            assertEquals(0, organizations.count(), "an unknown tenant sees no organization");
            assertEquals(tenant.toString(), settings.read("app.tenant_id"));
            assertEquals("tenant", settings.read("app.scope"));

            // same context, same transaction: the interceptor leaves the connection alone
            settings.overwrite("app.tenant_id", marker);
            organizations.count();
            assertEquals(marker, settings.read("app.tenant_id"));

            // widening to platform scope applies again, and so does narrowing back
            long all = context.onPlatform(() -> {
                long counted = organizations.count();
                assertEquals("platform", settings.read("app.scope"));
                assertEquals(tenant.toString(), settings.read("app.tenant_id"));
                return counted;
            });
            assertTrue(all >= 1, "platform scope sees every organization");
            assertEquals(0, organizations.count());
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

    // ---- scheduled jobs, in the container ---------------------------------------------------------------------

    private static final String REFRESH_READ_MODELS = "refresh-read-models";
    private static final String MAINTAIN_PARTITIONS = "maintain-partitions";
    private static final String SNAPSHOT_ROW_COUNTS = "snapshot-row-counts";
    private static final String PUBLIC_TABLES = """
            SELECT count(*) FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relkind IN ('r', 'p') AND NOT t.relispartition""";

    @Inject
    JobRunner jobs;

    @Inject
    JobRunRepository jobRuns;

    @Resource(lookup = "java:app/jdbc/meridian")
    DataSource dataSource;

    @Test
    void refreshingReadModelsAndSnapshottingRowCountsRecordSucceededRuns() throws Exception {
        var refreshed = jobs.run(REFRESH_READ_MODELS).orElseThrow(() -> new AssertionError("lease not taken"));
        assertSucceeded(refreshed, REFRESH_READ_MODELS);
        assertEquals(3, refreshed.getRowsAffected().getAsLong(), "the three read models are populated");

        var snapshot = jobs.run(SNAPSHOT_ROW_COUNTS).orElseThrow(() -> new AssertionError("lease not taken"));
        assertSucceeded(snapshot, SNAPSHOT_ROW_COUNTS);
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
        var first = jobs.run(MAINTAIN_PARTITIONS).orElseThrow(() -> new AssertionError("lease not taken"));
        var second = jobs.run(MAINTAIN_PARTITIONS).orElseThrow(() -> new AssertionError("lease not taken"));

        assertSucceeded(first, MAINTAIN_PARTITIONS);
        assertSucceeded(second, MAINTAIN_PARTITIONS);
        assertEquals(0, second.getRowsAffected().getAsLong(), "this month and the next two exist already");
        assertEquals(2, context.asSystem(() -> jobRuns.latest(MAINTAIN_PARTITIONS, 10)).stream()
                .filter(run -> run.getId().equals(first.getId()) || run.getId().equals(second.getId())).count());
    }

    @Test
    void aFailingJobIsRolledBackAndItsRunRecordedAsFailedWithoutAStackTrace() throws Exception {
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

        var run = jobs.run(failing).orElseThrow(() -> new AssertionError("lease not taken"));

        assertEquals(JobOutcome.FAILED, run.getOutcome());
        assertTrue(run.getFinishedAt().isPresent(), "finished");
        var detail = run.getDetail().orElseThrow();
        assertTrue(detail.contains("IllegalStateException: disk full"), detail);
        assertFalse(detail.contains("\tat "), "no stack trace: " + detail);
        assertEquals(0, onPlatform("SELECT count(*) FROM row_count_snapshot WHERE table_name = '" + probe + "'"),
                "the job's work is rolled back");
        assertEquals(List.of(JobOutcome.FAILED), context.asSystem(() -> jobRuns.latest(probe, 5)).stream()
                .map(JobRun::getOutcome).toList(), "the run outlives the job's transaction");
    }

    @Test
    void aJobWhoseLeaseAnotherTransactionHoldsDoesNotRunUntilItIsReleased() throws Exception {
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var executor = Executors.newSingleThreadExecutor();
        try {
            // another instance's job transaction, on a connection of its own
            var holder = executor.submit(() -> {
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
            assertSucceeded(jobs.run(SNAPSHOT_ROW_COUNTS).orElseThrow(() -> new AssertionError("lease not free")),
                    SNAPSHOT_ROW_COUNTS);
        } finally {
            release.countDown();
            executor.shutdownNow();
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

    private static void assertSucceeded(JobRun run, String job) {
        assertEquals(job, run.getJob());
        assertEquals(JobOutcome.SUCCEEDED, run.getOutcome(), () -> run.getDetail().orElse("no detail"));
        assertTrue(run.getFinishedAt().isPresent(), "finished");
        assertTrue(run.getRowsAffected().isPresent(), "rows affected recorded");
        assertTrue(run.getDetail().isEmpty(), () -> run.getDetail().get());
    }

    /** One number, read by the application role in platform scope over plain JDBC. */
    private long onPlatform(String sql) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var scope = connection.prepareStatement("SELECT set_config('app.scope', 'platform', true)")) {
                scope.execute();
            }
            try (var query = connection.prepareStatement(sql); var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            } finally {
                connection.rollback();
            }
        }
    }

    private static void assertUnset(String setting) {
        assertTrue(setting == null || setting.isEmpty(), () -> "still set: " + setting);
    }
}
