package dev.meridian.launcher.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The four measured routes of issue 4 and, for each, the SQL transaction the application runs for it: the
 * row-level security context as {@code RowLevelSecurityInterceptor} sets it, then the route's one query, as
 * the repositories issue it, sent in one round trip as the application sends them. Parameters are literals in
 * each pgbench script; there is a script per fixture.
 */
final class Scenarios {

    /** Gives the benchmark organization a plan without limits: the benchmark measures speed, not quotas. */
    static final String UNLIMITED_PLAN = """
            WITH plan AS (
              INSERT INTO plan (id, code, name, monthly_request_quota, requests_per_minute, price_per_thousand_calls)
              VALUES (gen_random_uuid(), 'benchmark', 'Benchmark (no limits)', 1000000000000, 2000000000, 0)
              ON CONFLICT (code) DO UPDATE SET name = excluded.name
              RETURNING id)
            UPDATE organization SET plan_id = (SELECT id FROM plan) WHERE id = ?""";

    private static final int RADIUS_KM = 5;
    private static final int LIMIT = 20;

    private Scenarios() {
    }

    static List<Scenario> of(Fixtures fixtures) {
        var context = String.format(Locale.ROOT, "SELECT set_config('app.tenant_id', '%s', true),"
                + " set_config('app.user_id', '%s', true), set_config('app.scope', 'tenant', true);",
                fixtures.organizationId(), fixtures.userId());
        // as PgJDBC sends the application's transaction: BEGIN, the context and the query in one round trip
        // (ContextRidesAlong), then COMMIT
        Function<String, String> transaction = query -> "\\startpipeline\nBEGIN;\n" + context + "\n" + query
                + "\n\\endpipeline\nCOMMIT;\n";
        return List.of(
                new Scenario("(a) GET /me/reviews", "≥ 70% of pgbench",
                        List.of("api/v1/me/reviews?limit=" + LIMIT),
                        List.of(transaction.apply(String.format(Locale.ROOT,
                                "SELECT r.* FROM review r WHERE r.user_id = '%s'"
                                        + " ORDER BY r.created_at DESC, r.id DESC LIMIT %d;",
                                fixtures.userId(), LIMIT + 1)))),
                new Scenario("(b) GET /places/{id}", "≥ 70% of pgbench",
                        fixtures.placeIds().stream().map(id -> "api/v1/places/" + id).toList(),
                        fixtures.placeIds().stream().map(id -> transaction.apply(String.format(Locale.ROOT,
                                "SELECT p.*, c.* FROM place p LEFT OUTER JOIN category c ON c.id = p.category_id"
                                        + " WHERE p.id = '%s';",
                                id))).toList()),
                new Scenario("(c) GET /recommendations", "≥ 360 req/s, p95 ≤ 25 ms",
                        fixtures.points().stream().map(point -> String.format(Locale.ROOT,
                                "api/v1/recommendations?lat=%.6f&lng=%.6f&radius_km=%d&limit=%d", point[0],
                                point[1], RADIUS_KM, LIMIT)).toList(),
                        fixtures.points().stream().map(point -> transaction.apply(String.format(Locale.ROOT,
                                "SELECT id, name, category, location_id, lat, lng, rating, ratings_total,"
                                        + " distance_km, score FROM meridian_recommendations(%.6f, %.6f, %d, %d);",
                                point[0], point[1], RADIUS_KM, LIMIT))).toList()),
                new Scenario("(d) GET /locations?q=", "p95 ≤ 10 ms",
                        fixtures.prefixes().stream()
                                .map(prefix -> "api/v1/locations?q="
                                        + URLEncoder.encode(prefix, StandardCharsets.UTF_8))
                                .toList(),
                        fixtures.prefixes().stream().map(prefix -> transaction.apply(String.format(Locale.ROOT,
                                "SELECT id, parent_id, level, name, label, lat, lng, time_zone"
                                        + " FROM meridian_location_typeahead('%s', 10);",
                                prefix.replace("'", "''")))).toList()));
    }
}
