package dev.meridian.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * What every route of the API shares, over HTTP as clients see it: metering into the usage log off the
 * request thread, plan quotas (429), {@code /me/usage}, problem+json for every kind of refusal, ETags and
 * caching headers, and an OpenAPI document that lists every resource method of the deployment. Tests arrange
 * and check the database directly (as its superuser) where no route can: plans, usage rows, security events.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiBehaviourIT {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration FLUSHED_WITHIN = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String CONFIGURATION = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private static final String OTHER_INSTANCES_REQUEST = """
            INSERT INTO usage_log (occurred_at, organization_id, method, route, status, duration_ms)
            VALUES (now(), ?::uuid, 'GET', '/api/v1/places', ?, 5)""";

    /** The deployment's database, from its configuration, for the test's own reads and arrangements. */
    private static String databaseUrl;
    /** The JAX-RS resource classes the WAR carries, found in it, so routes added later are checked too. */
    private static List<Class<?>> resourceClasses;

    @Deployment
    static WebArchive deployment() throws IOException {
        var war = MeridianDeployment.create();
        var settings = new Properties();
        try (var in = war.get(CONFIGURATION).getAsset().openStream()) {
            settings.load(in);
        }
        databaseUrl = settings.getProperty("DATABASE_URL");
        // the web module's classes: resources live there, and the others need the server's libraries to load
        resourceClasses = war.getContent(path -> path.get().startsWith("/WEB-INF/classes/dev/meridian/web/")
                && path.get().endsWith(".class")).keySet().stream()
                .map(path -> path.get().substring("/WEB-INF/classes/".length(), path.get().length() - 6)
                        .replace('/', '.'))
                .map(ApiBehaviourIT::load)
                .filter(type -> type.isAnnotationPresent(Path.class) && !Modifier.isAbstract(type.getModifiers()))
                .toList();
        return war;
    }

    // ---- metering ------------------------------------------------------------------------------------------

    @Test
    void requestsLandInTheUsageLogWithTheirRouteTemplateButNotOnTheRequestThread(@ArquillianResource URL base)
            throws Exception {
        var api = new Api(base);
        var tenant = Tenant.create(api, null);
        var unknownKey = "00000000-0000-4000-8000-00000000abcd";

        try (var database = superuser()) {
            database.setAutoCommit(false);
            // holds every insert into the usage log back until this transaction ends
            execute(database, "LOCK TABLE usage_log IN SHARE MODE");
            long started = System.nanoTime();
            assertEquals(200, api.get("me", tenant.key()).status());
            api.delete("keys/" + unknownKey, tenant.key()).problem(404);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10,
                    "the requests did not wait for the usage log");
            assertEquals(0, count(database, "SELECT count(*) FROM usage_log WHERE organization_id = '"
                    + tenant.organizationId() + "' AND route = '/api/v1/me'"), "written on the request thread");
            database.rollback();
        }

        var rows = poll(() -> usage(tenant.organizationId()), found -> found.size() >= 3);
        assertTrue(rows.contains("POST /api/v1/keys 201 key=null user=" + tenant.userId()), rows::toString);
        assertTrue(rows.contains("GET /api/v1/me 200 key=" + tenant.keyId() + " user=" + tenant.userId()),
                rows::toString);
        assertTrue(rows.contains("DELETE /api/v1/keys/{id} 404 key=" + tenant.keyId() + " user=" + tenant.userId()),
                rows::toString);
        assertFalse(rows.toString().contains(unknownKey), "route templates, never raw paths");
    }

    @Test
    void myUsageShowsThisMonthsCallsAgainstThePlanPerDay(@ArquillianResource URL base) throws Exception {
        var api = new Api(base);
        var tenant = Tenant.create(api, null);
        api.get("me", tenant.key());
        api.get("me", tenant.key());

        // the key, two /me and at least one /me/usage, once flushed
        var usage = poll(() -> api.get("me/usage", tenant.key()).json(), found -> found.getInt("calls") >= 4);

        var today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(YearMonth.from(today).toString(), usage.getString("month"));
        assertEquals(10_000, usage.getJsonNumber("quota").longValue(), "the free plan's quota");
        assertEquals(60, usage.getInt("requestsPerMinute"));
        long calls = usage.getJsonNumber("calls").longValue();
        assertTrue(calls < 10, "only this organization's calls: " + usage);
        assertEquals(10_000 - calls, usage.getJsonNumber("remaining").longValue());
        var days = usage.getJsonArray("days").getValuesAs(JsonObject.class);
        assertEquals(today.toString(), days.get(days.size() - 1).getString("day"), usage::toString);
        assertEquals(calls, days.stream().mapToLong(day -> day.getJsonNumber("calls").longValue()).sum());
    }

    // ---- quotas --------------------------------------------------------------------------------------------

    @Test
    void overThePlansRequestsPerMinuteIs429WithRetryAfterAndASecurityEvent(@ArquillianResource URL base)
            throws Exception {
        var api = new Api(base);
        var tenant = Tenant.create(api, plan(3, 1000));

        // the key was the first request; a new minute may reset the count once on the way
        var refused = firstRefusal(api, tenant, 8);

        var problem = refused.problem(429);
        assertTrue(problem.getString("detail").contains("3 requests per minute"), refused::toString);
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, refused::toString);
        assertEquals(List.of("rate_limited"), securityEvents(tenant.organizationId()));
    }

    @Test
    void overThePlansMonthlyQuotaIs429UntilTheNextMonthAndRefusalsAreNotCalls(@ArquillianResource URL base)
            throws Exception {
        var api = new Api(base);
        var tenant = Tenant.create(api, plan(1000, 3));

        var refused = firstRefusal(api, tenant, 3);
        api.get("me", tenant.key()).problem(429);

        assertTrue(refused.problem(429).getString("detail").contains("monthly quota of 3"), refused::toString);
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= Duration.ofDays(31).toSeconds(), refused::toString);
        assertEquals(List.of("quota_exceeded"), securityEvents(tenant.organizationId()),
                "one event for the month, however many refusals");
        // refusals are logged, as 429, but only the admitted three are calls
        var rows = poll(() -> usage(tenant.organizationId()), found -> found.size() >= 5);
        assertEquals(3, rows.stream().filter(row -> !row.contains(" 429 ")).count(), rows::toString);
    }

    @Test
    void callsThatOtherInstancesLoggedCountAgainstTheMonthlyQuotaAtTheNextRefresh(@ArquillianResource URL base)
            throws Exception {
        var api = new Api(base);
        var tenant = Tenant.create(api, plan(1000, 10));

        // issuing the key and reading /me were two calls; other instances log six more and two refusals
        try (var database = superuser(); var insert = database.prepareStatement(OTHER_INSTANCES_REQUEST)) {
            for (int status : List.of(200, 200, 200, 201, 204, 404, 429, 429)) {
                insert.setString(1, tenant.organizationId());
                insert.setInt(2, status);
                insert.executeUpdate();
            }
        }
        // the deployment re-reads quotas every second, on the metering's one-second tick
        Thread.sleep(Duration.ofSeconds(4).toMillis());

        assertEquals(200, api.get("me", tenant.key()).status(), "9 of 10");
        assertEquals(200, api.get("me", tenant.key()).status(), "10 of 10");
        api.get("me", tenant.key()).problem(429);
    }

    @Test
    void theDaysTheRollupReachedCountFromTheDailyRollupAndOnlyLaterOnesFromTheLog(@ArquillianResource URL base)
            throws Exception {
        var yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assumeTrue(YearMonth.from(yesterday).equals(YearMonth.now(ZoneOffset.UTC)), "yesterday is in this month");
        var api = new Api(base);
        // the rollup ran today and found 5 calls yesterday; the log says 7 for that day, so whatever reads the log
        // for it instead shows; two calls of today are in the log only
        var tenant = Tenant.create(api, plan(1000, 20), organization -> {
            try (var database = superuser()) {
                execute(database, "INSERT INTO job_run (id, job, started_at, finished_at, outcome, instance)"
                        + " VALUES (gen_random_uuid(), 'roll-up-usage', now(), now(), 'succeeded', 'a test')");
                execute(database, "INSERT INTO usage_daily (organization_id, day, calls, errors, avg_duration_ms,"
                        + " p95_duration_ms, request_bytes, response_bytes) VALUES ('" + organization + "', '"
                        + yesterday + "', 5, 0, 5, 5, 0, 0)");
                execute(database, "INSERT INTO usage_log (occurred_at, organization_id, method, route, status,"
                        + " duration_ms) SELECT '" + yesterday + "T12:00:00Z', '" + organization
                        + "', 'GET', '/api/v1/places', 200, 5 FROM generate_series(1, 7)");
                execute(database, "INSERT INTO usage_log (occurred_at, organization_id, method, route, status,"
                        + " duration_ms) SELECT now(), '" + organization
                        + "', 'GET', '/api/v1/places', 200, 5 FROM generate_series(1, 2)");
            }
        });
        var reads = new AtomicInteger();

        // 5 of yesterday, 2 of today, issuing the key and reading /me: 9 calls once flushed
        var usage = poll(() -> {
            reads.incrementAndGet();
            return api.get("me/usage", tenant.key()).json();
        }, found -> found.getJsonNumber("calls").longValue() >= 9);
        int admitted = 0;
        while (admitted < 20 && api.get("me", tenant.key()).status() == 200) {
            admitted++;
        }

        var days = usage.getJsonArray("days").getValuesAs(JsonObject.class);
        assertEquals(yesterday.toString(), days.get(0).getString("day"), usage::toString);
        assertEquals(5, days.get(0).getJsonNumber("calls").longValue(), usage::toString);
        assertEquals(20 - 9 - reads.get(), admitted, "the quota counted yesterday's 5, not the log's 7");
    }

    // ---- security events -----------------------------------------------------------------------------------

    @Test
    void failedSignInsRejectedKeysAndRevocationsAreSecurityEventsAndGuessingDoesNotFloodThem(
            @ArquillianResource URL base) throws Exception {
        var api = new Api(base);
        var tenant = Tenant.create(api, null);
        var stranger = unique("nobody");
        var prefix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
        var madeUpKey = Api.bearer("mrd_" + prefix + "_" + "A".repeat(43));
        var named = Json.createObjectBuilder().add("name", "guess").build();

        for (int guess = 0; guess < 3; guess++) {
            api.post("keys", Api.basic(tenant.username(), "wrong password " + guess), named).problem(401);
            api.post("keys", Api.basic(stranger, PASSWORD), named).problem(401);
            api.get("me", madeUpKey).problem(401);
        }
        assertEquals(204, api.delete("keys/" + tenant.keyId(), tenant.key()).status());

        assertEquals(List.of("login_failed|" + tenant.userId() + "|wrong password",
                "key_revoked|" + tenant.userId() + "|" + tenant.keyId()),
                events("""
                        SELECT concat_ws('|', kind, actor_user_id, coalesce(detail ->> 'reason', detail ->> 'apiKeyId'))
                        FROM security_event WHERE organization_id = ?::uuid ORDER BY occurred_at""",
                        tenant.organizationId()));
        assertEquals(List.of("login_failed|unknown user"), events("""
                SELECT concat_ws('|', kind, detail ->> 'reason') FROM security_event
                WHERE organization_id IS NULL AND detail ->> 'username' = ?""", stranger));
        assertEquals(List.of("key_rejected"), events("""
                SELECT kind FROM security_event WHERE organization_id IS NULL AND detail ->> 'prefix' = ?""",
                prefix));
    }

    @Test
    void anotherTenantsIdsAreCrossTenantAttemptsFiledForThePlatformOnly(@ArquillianResource URL base)
            throws Exception {
        var api = new Api(base);
        var prober = Tenant.create(api, null);
        var victim = Tenant.create(api, null);
        var ticket = api.post("tickets", victim.key(), Json.createObjectBuilder().add("subject", "Hours")
                .add("message", "Our hours are wrong.").build());
        assertEquals(201, ticket.status(), ticket::toString);
        var ticketId = ticket.json().getString("id");

        api.get("tickets/" + ticketId, prober.key()).problem(404);
        api.delete("keys/" + victim.keyId(), prober.key()).problem(404);
        api.delete("keys/" + UUID.randomUUID(), prober.key()).problem(404);

        assertEquals(List.of("support_ticket|" + ticketId + "|" + victim.organizationId(),
                "api_key|" + victim.keyId() + "|" + victim.organizationId()), events("""
                        SELECT concat_ws('|', detail ->> 'table', detail ->> 'id', detail ->> 'ownerOrganizationId')
                        FROM security_event WHERE kind = 'cross_tenant_attempt' AND actor_user_id = ?::uuid
                          AND organization_id IS NULL ORDER BY occurred_at""", prober.userId()));
        assertEquals(List.of(), securityEvents(prober.organizationId()), "the prober's admins learn nothing");
        assertEquals(200, api.get("keys", victim.key()).status(), "the victim's key still works");
    }

    @Test
    void aPlatformAdminsReachAcrossTenantsIsASecurityEvent(@ArquillianResource URL base) throws Exception {
        var api = new Api(base);
        var admin = Api.bearer(api.issueKey(MeridianDeployment.ADMIN_USERNAME, MeridianDeployment.ADMIN_PASSWORD)
                .getString("key"));
        var adminId = api.get("me", admin).json().getString("id");
        String minute;
        try (var database = superuser();
                var now = database.createStatement()
                        .executeQuery("SELECT date_trunc('minute', now())::text")) {
            now.next();
            minute = now.getString(1);
        }

        assertEquals(200, api.get("organizations", admin).status());

        // once a minute per admin and operation: other tests' lists in this minute may have recorded it
        var operations = events("""
                SELECT DISTINCT detail ->> 'operation' FROM security_event
                WHERE kind = 'platform_scope' AND organization_id IS NULL AND actor_user_id = ?::uuid
                  AND occurred_at >= ?::timestamptz""", adminId, minute);
        assertTrue(operations.contains("OrganizationService.page"), operations::toString);
    }

    // ---- errors --------------------------------------------------------------------------------------------

    @Test
    void everyKindOfRefusalIsAProblemWithoutInternals(@ArquillianResource URL base) throws SQLException {
        var api = new Api(base);
        var key = Tenant.create(api, null).key();
        var problems = new ArrayList<Api.Reply>();

        problems.add(check(api.get("nowhere/at/all", key), 404));
        var wrongMethod = check(api.send("PUT", "me", key, "{}"), 405);
        assertTrue(wrongMethod.header("Allow").orElse("").contains("GET"), wrongMethod::toString);
        problems.add(wrongMethod);
        problems.add(check(raw(base, "POST", "organizations", key, "text/plain", "text/plain", "slug"), 415));
        problems.add(check(raw(base, "GET", "me", key, "text/csv", null, null), 406));
        problems.add(check(api.send("POST", "keys", key, "{\"name\": "), 400));
        var wrongType = check(api.send("POST", "keys", key, "{\"name\": {\"nested\": true}}"), 400);
        assertEquals("name", wrongType.json().getJsonArray("errors").getJsonObject(0).getString("field"),
                wrongType::toString);
        problems.add(wrongType);

        for (var reply : problems) {
            assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat ")
                    || reply.body().contains("SELECT"), reply::toString);
        }
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot(@ArquillianResource URL base) throws Exception {
        var api = new Api(base);
        var key = Tenant.create(api, null).key();
        // the answer comes while the client is still sending 4 MiB, of which the server reads at most the limit
        for (boolean chunked : new boolean[]{false, true}) {
            var answer = postWhileSending(base, "keys", key, 4 * 1024 * 1024, chunked);
            assertTrue(answer.get(0).startsWith("HTTP/1.1 413"), answer::toString);
            assertTrue(answer.contains("content-type: " + Api.PROBLEM), answer::toString);
        }
        assertEquals(201, api.post("keys", key, Json.createObjectBuilder().add("name", "small").build()).status());
    }

    // ---- caching -------------------------------------------------------------------------------------------

    @Test
    void aResourceHasAnETagThatAnswersIfNoneMatchWith304(@ArquillianResource URL base) throws SQLException {
        var api = new Api(base);
        var key = Tenant.create(api, null).key();

        var first = api.get("me", key);
        assertEquals(200, first.status(), first::toString);
        var tag = first.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + first));
        assertEquals("private, no-cache", first.header("Cache-Control").orElse(""));
        assertTrue(first.header("Vary").orElse("").contains("Authorization"), first::toString);

        var unchanged = raw(base, "GET", "me", key, Api.JSON, null, null, "If-None-Match", tag);
        assertEquals(304, unchanged.status(), unchanged::toString);
        assertEquals("", unchanged.body());
        assertEquals(tag, unchanged.header("ETag").orElse(""));
        assertEquals(304, raw(base, "GET", "me", key, Api.JSON, null, null, "If-None-Match", "W/" + tag).status());
        assertEquals(200, raw(base, "GET", "me", key, Api.JSON, null, null, "If-None-Match", "\"other\"").status());

        var issued = api.post("keys", key, Json.createObjectBuilder().add("name", "once shown").build());
        assertEquals("no-store", issued.header("Cache-Control").orElse(""), "a secret is never kept");
        assertTrue(issued.header("ETag").isEmpty(), issued::toString);
    }

    // ---- OpenAPI -------------------------------------------------------------------------------------------

    @Test
    void theOpenApiDocumentDescribesEveryResourceMethodAndItsProblems(@ArquillianResource URL base) {
        var api = new Api(base);
        var document = api.get("/openapi", null);
        assertEquals(200, document.status(), document::toString);
        var openApi = document.json();
        var paths = openApi.getJsonObject("paths");
        assertTrue(resourceClasses.size() >= 5, "resource classes found in the WAR: " + resourceClasses);

        var missing = new TreeSet<String>();
        var withoutProblems = new TreeSet<String>();
        for (var resource : resourceClasses) {
            for (var method : resource.getMethods()) {
                var http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                var route = template(resource, method);
                var item = paths.keySet().stream().filter(path -> path.endsWith(route)).findFirst()
                        .map(paths::getJsonObject);
                var operation = item.map(found -> found.getJsonObject(http.toLowerCase()));
                if (operation.isEmpty() || operation.get() == null) {
                    missing.add(http + " " + route + " (" + resource.getSimpleName() + "." + method.getName() + ")");
                } else if (!operation.get().getJsonObject("responses").keySet().containsAll(List.of("401", "429",
                        "500"))) {
                    withoutProblems.add(http + " " + route);
                }
            }
        }
        assertEquals(new TreeSet<>(), missing, "resource methods missing from /openapi");
        assertEquals(new TreeSet<>(), withoutProblems, "operations without the shared problem responses");
        var components = openApi.getJsonObject("components");
        assertTrue(components.getJsonObject("schemas").containsKey("Problem"), components::toString);
        assertTrue(components.getJsonObject("responses").getJsonObject("TooManyRequests").getJsonObject("headers")
                .containsKey("Retry-After"), components::toString);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** An organization on a plan (the default one when null), its admin, and a key of theirs. */
    record Tenant(String organizationId, String userId, String username, String key, String keyId) {

        static Tenant create(Api api, String plan) throws SQLException {
            return create(api, plan, organizationId -> {
            });
        }

        /** A new organization whose database {@code beforeItsFirstRequest} arranges first. */
        static Tenant create(Api api, String plan, Arrangement beforeItsFirstRequest) throws SQLException {
            var admin = Api.bearer(api.issueKey(MeridianDeployment.ADMIN_USERNAME, MeridianDeployment.ADMIN_PASSWORD)
                    .getString("key"));
            var slug = unique("api");
            var organization = Json.createObjectBuilder().add("slug", slug).add("name", "Organization " + slug);
            if (plan != null) {
                organization.add("plan", plan);
            }
            var created = api.post("organizations", admin, organization.build());
            assertEquals(201, created.status(), created::toString);
            beforeItsFirstRequest.arrange(created.json().getString("id"));
            var username = unique("api-admin");
            var user = api.post("organizations/" + slug + "/users", admin, Json.createObjectBuilder()
                    .add("username", username).add("password", PASSWORD).add("fullName", "User " + username)
                    .add("role", "admin").build());
            assertEquals(201, user.status(), user::toString);
            var key = api.issueKey(username, PASSWORD);
            var organizationId = api.get("me", Api.bearer(key.getString("key"))).json()
                    .getJsonObject("organization").getString("id");
            return new Tenant(organizationId, user.json().getString("id"), username,
                    Api.bearer(key.getString("key")), key.getString("id"));
        }
    }

    private interface Arrangement {
        void arrange(String organizationId) throws SQLException;
    }

    /** A new plan with these limits, by its code. */
    private static String plan(int perMinute, long perMonth) throws SQLException {
        var code = unique("tiny");
        try (var database = superuser();
                var insert = database.prepareStatement("INSERT INTO plan (id, code, name,"
                        + " monthly_request_quota, requests_per_minute, price_per_thousand_calls)"
                        + " VALUES (gen_random_uuid(), ?, 'Tiny', ?, ?, 0)")) {
            insert.setString(1, code);
            insert.setLong(2, perMonth);
            insert.setInt(3, perMinute);
            insert.executeUpdate();
        }
        return code;
    }

    /** Calls /me until the first refusal, at most this many times. */
    private static Api.Reply firstRefusal(Api api, Tenant tenant, int attempts) {
        for (int i = 0; i < attempts; i++) {
            var reply = api.get("me", tenant.key());
            if (reply.status() != 200) {
                return reply;
            }
        }
        throw new AssertionError("no refusal in " + attempts + " requests");
    }

    private static List<String> usage(String organizationId) throws SQLException {
        try (var database = superuser();
                var query = database.prepareStatement("SELECT method, route, status,"
                        + " api_key_id, user_id FROM usage_log WHERE organization_id = ?::uuid ORDER BY id")) {
            query.setString(1, organizationId);
            var rows = new ArrayList<String>();
            try (var found = query.executeQuery()) {
                while (found.next()) {
                    rows.add(found.getString(1) + " " + found.getString(2) + " " + found.getInt(3) + " key="
                            + found.getString(4) + " user=" + found.getString(5));
                }
            }
            return rows;
        }
    }

    private static List<String> securityEvents(String organizationId) throws SQLException {
        return events("SELECT kind FROM security_event WHERE organization_id = ?::uuid ORDER BY occurred_at",
                organizationId);
    }

    /** What a query over the security events selects as text, given its parameters. */
    private static List<String> events(String sql, String... parameters) throws SQLException {
        try (var database = superuser(); var query = database.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            var found = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }

    private interface Read<T> {
        T get() throws Exception;
    }

    /** Reads until the answer is as expected, for the usage log's flush, within a bound. */
    private static <T> T poll(Read<T> read, Predicate<T> expected) throws Exception {
        long deadline = System.nanoTime() + FLUSHED_WITHIN.toNanos();
        T last = read.get();
        while (!expected.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + FLUSHED_WITHIN + ": " + last);
            }
            Thread.sleep(200);
            last = read.get();
        }
        return last;
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(databaseUrl, "postgres", "");
    }

    private static void execute(Connection database, String sql) throws SQLException {
        try (var statement = database.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection database, String sql) throws SQLException {
        try (var statement = database.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Asserts a problem+json of this status, and returns the reply. */
    private static Api.Reply check(Api.Reply reply, int status) {
        reply.problem(status);
        return reply;
    }

    /** A request with the given Accept and Content-Type (none when null) and extra headers, name then value. */
    private static Api.Reply raw(URL base, String method, String path, String authorization, String accept,
            String contentType, String body, String... headers) {
        var request = HttpRequest.newBuilder(uri(base, path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Authorization", authorization)
                .header("Accept", accept);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** The address of a path under /api/v1, as {@link Api} resolves it. */
    private static URI uri(URL base, String path) {
        try {
            return base.toURI().resolve("api/v1/").resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }

    private static Api.Reply send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * POSTs a JSON body of this size from another thread, with its {@code Content-Length} or in chunks, and reads
     * the answer meanwhile, as a client that does not wait to finish sending would: returns the status line and
     * the headers, lower case.
     */
    private static List<String> postWhileSending(URL base, String path, String authorization, int size,
            boolean chunked) throws Exception {
        var target = uri(base, path);
        try (var socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + "\r\n"
                    + "Authorization: " + authorization + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + (size + 12)) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var sender = new Thread(() -> {
                try {
                    send(out, "{\"name\": \"", chunked);
                    var block = "x".repeat(64 * 1024);
                    for (int sent = 0; sent < size; sent += block.length()) {
                        send(out, block, chunked);
                    }
                    send(out, "\"}", chunked);
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException closed) {
                    // the server stopped reading: what the test expects
                }
            });
            sender.setDaemon(true);
            sender.start();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            var lines = new ArrayList<String>();
            for (var line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line.toLowerCase(Locale.ROOT).replace("http/1.1", "HTTP/1.1"));
            }
            return lines;
        }
    }

    private static void send(OutputStream out, String data, boolean chunked) throws IOException {
        var bytes = data.getBytes(StandardCharsets.US_ASCII);
        if (chunked) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** GET, POST, ... of a resource method, or null for any other method. */
    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            var http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** The route under {@code /api/v1}, path parameters without their regular expressions. */
    private static String template(Class<?> resource, Method method) {
        var route = new StringBuilder("/api/v1");
        for (var path : new Path[]{resource.getAnnotation(Path.class), method.getAnnotation(Path.class)}) {
            if (path != null) {
                var value = path.value().replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}")
                        .replaceAll("^/+|/+$", "");
                if (!value.isEmpty()) {
                    route.append('/').append(value);
                }
            }
        }
        return route.toString();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiBehaviourIT.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a class of the WAR is not on the test classpath: " + name, e);
        }
    }

    private static String unique(String name) {
        return name + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
