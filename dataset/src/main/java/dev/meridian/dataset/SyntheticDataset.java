package dev.meridian.dataset;

import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A deterministic synthetic dataset: the same seed and size give the same rows. A fixed geography of 50
 * states, 600 counties and 9,000 localities with plausible coordinates and time zones, then organizations,
 * users, places (each near a locality), exactly two reviews per place by two different users of its
 * organization, preferences and follows, sized by the number of places, and the daily metrics of the month
 * before the day of the load. Loaded with COPY in one transaction by a superuser: triggers and foreign-key
 * checks are off during the load (the rows are consistent by construction), and place ratings are computed
 * once at the end, as the review trigger would have kept them.
 */
public final class SyntheticDataset {

    /** Every generated user signs in with this password (demo data only). */
    public static final String DEMO_PASSWORD = "meridian-demo-password";
    public static final int REVIEWS_PER_PLACE = 2;
    /** Days of daily metrics before the day of the load. */
    private static final int METRIC_DAYS = 30;

    private static final int STATES = 50;
    private static final int COUNTIES_PER_STATE = 12;
    private static final int LOCALITIES_PER_COUNTY = 15;
    private static final String[] CATEGORIES = {"restaurant", "cafe", "bar", "museum", "park", "hotel", "shop",
            "gym", "library", "theater", "market", "gallery"};
    private static final String OPENING_HOURS = "{\"mon\":\"09:00-17:00\",\"tue\":\"09:00-17:00\","
            + "\"wed\":\"09:00-17:00\",\"thu\":\"09:00-17:00\",\"fri\":\"09:00-19:00\",\"sat\":\"10:00-14:00\"}";

    /** What a load wrote and how long it took. */
    public record Summary(long locations, long organizations, long users, long places, long reviews,
            long preferences, long follows, Duration took) {
    }

    private record Locality(UUID id, double lat, double lng) {
    }

    private record Category(UUID id, String code) {
    }

    private final int places;
    private final SplittableRandom random;
    private final Names names;

    public SyntheticDataset(int places, long seed) {
        if (places < 1 || places > 10_000_000) {
            throw new IllegalArgumentException("places must be from 1 to 10,000,000");
        }
        this.places = places;
        this.random = new SplittableRandom(seed);
        this.names = new Names(random);
    }

    /** Organizations: one per 50,000 places, at least three. */
    int organizations() {
        return Math.max(3, places / 50_000);
    }

    /** Users per organization: enough that no user reviews the same place twice, at least ten. */
    int usersPerOrganization() {
        return Math.max(10, places / organizations() / 100);
    }

    /** Loads into a migrated database without tenant data, as a superuser (COPY, triggers off). */
    public Summary loadInto(Connection superuser) throws SQLException {
        long started = System.nanoTime();
        superuser.setAutoCommit(false);
        int localityCount;
        long[] summary;
        try (var sql = superuser.createStatement()) {
            try (var existing = sql.executeQuery("SELECT count(*) FROM place")) {
                existing.next();
                if (existing.getLong(1) > 0) {
                    throw new IllegalStateException("the database already holds places: load into an empty one");
                }
            }
            sql.execute("SET LOCAL session_replication_role = replica");
            var localities = geography(superuser);
            var categories = categories(superuser);
            var plan = single(superuser, "SELECT id FROM plan WHERE code = 'standard'");
            summary = tenants(superuser, plan, localities, categories);
            localityCount = localities.size();
            sql.execute("""
                    UPDATE place p SET rating = r.rating, ratings_total = r.total, ratings_sum = r.total_rating
                    FROM (SELECT place_id, round(avg(rating), 2) AS rating, count(*) AS total,
                                 sum(rating) AS total_rating
                          FROM review GROUP BY place_id) r
                    WHERE p.id = r.place_id""");
            superuser.commit();
        } catch (SQLException | RuntimeException e) {
            superuser.rollback();
            throw e;
        }
        // The rating update left a dead version of every place, which autovacuum clears late or, where it is off,
        // never: scans would wade through them. VACUUM runs outside a transaction.
        superuser.setAutoCommit(true);
        try (var sql = superuser.createStatement()) {
            sql.execute("VACUUM (ANALYZE)");
            // the typeahead and map read models would otherwise stay empty until the refresh job's next run
            sql.execute("SELECT meridian_refresh_read_models()");
        }
        return new Summary(localityCount + STATES + STATES * COUNTIES_PER_STATE, summary[0], summary[1],
                summary[2], summary[3], summary[4], summary[5], Duration.ofNanos(System.nanoTime() - started));
    }

    private List<Locality> geography(Connection connection) throws SQLException {
        var localities = new ArrayList<Locality>();
        try (var copy = new CopyWriter(connection, "location",
                "id, parent_id, level, code, name, lat, lng, time_zone")) {
            for (int s = 0; s < STATES; s++) {
                var state = uuid();
                var stateCode = "" + (char) ('A' + s / 26) + (char) ('A' + s % 26);
                double stateLat = 26 + random.nextDouble() * 22;
                double stateLng = -123 + random.nextDouble() * 53;
                copy.row(state, null, "state", stateCode, names.word(), stateLat, stateLng, timeZone(stateLng));
                for (int c = 0; c < COUNTIES_PER_STATE; c++) {
                    var county = uuid();
                    double countyLat = stateLat + random.nextDouble() * 2 - 1;
                    double countyLng = stateLng + random.nextDouble() * 2 - 1;
                    var countyCode = stateCode + "-" + String.format("%03d", c);
                    copy.row(county, state, "county", countyCode, names.word() + " County", countyLat, countyLng,
                            timeZone(countyLng));
                    for (int l = 0; l < LOCALITIES_PER_COUNTY; l++) {
                        var locality = new Locality(uuid(), countyLat + random.nextDouble() * 0.4 - 0.2,
                                countyLng + random.nextDouble() * 0.4 - 0.2);
                        copy.row(locality.id(), county, "locality", countyCode + "-" + String.format("%03d", l),
                                names.word(), locality.lat(), locality.lng(), timeZone(locality.lng()));
                        localities.add(locality);
                    }
                }
            }
        }
        return localities;
    }

    private List<Category> categories(Connection connection) throws SQLException {
        var categories = new ArrayList<Category>();
        try (var rows = connection.createStatement().executeQuery("SELECT id, code FROM category ORDER BY code")) {
            while (rows.next()) {
                categories.add(new Category(rows.getObject(1, UUID.class), rows.getString(2)));
            }
        }
        if (categories.isEmpty()) {
            try (var copy = new CopyWriter(connection, "category", "id, code, name")) {
                for (var code : CATEGORIES) {
                    var category = new Category(uuid(), code);
                    copy.row(category.id(), code, Character.toUpperCase(code.charAt(0)) + code.substring(1));
                    categories.add(category);
                }
            }
        }
        return categories;
    }

    /** Returns the counts of organizations, users, places, reviews, preferences and follows. */
    private long[] tenants(Connection connection, UUID plan, List<Locality> localities, List<Category> categories)
            throws SQLException {
        int organizationCount = organizations();
        int usersEach = usersPerOrganization();
        var organizations = new UUID[organizationCount];
        var users = new UUID[organizationCount][usersEach];
        try (var copy = new CopyWriter(connection, "organization", "id, slug, name, plan_id")) {
            for (int o = 0; o < organizationCount; o++) {
                organizations[o] = uuid();
                var name = names.word();
                copy.row(organizations[o], name.toLowerCase() + "-" + (o + 1), name + " Group", plan);
            }
        }
        var passwordHash = passwordHash();
        try (var copy = new CopyWriter(connection, "app_user",
                "id, organization_id, username, password_hash, full_name, role")) {
            for (int o = 0; o < organizationCount; o++) {
                for (int u = 0; u < usersEach; u++) {
                    users[o][u] = uuid();
                    copy.row(users[o][u], organizations[o], "user" + (o + 1) + "." + (u + 1), passwordHash,
                            names.person(), u == 0 ? "owner" : u < 3 ? "admin" : "member");
                }
            }
        }
        // one COPY at a time per connection: places first, then their reviews, then preferences, then follows
        var placeIds = new UUID[places];
        try (var copy = new CopyWriter(connection, "place", "id, organization_id, location_id, external_ref,"
                + " name, lat, lng, category_id, types, description, opening_hours")) {
            for (int p = 0; p < places; p++) {
                placeIds[p] = uuid();
                var near = localities.get(random.nextInt(localities.size()));
                var category = categories.get(random.nextInt(categories.size()));
                copy.row(placeIds[p], organizations[p % organizationCount], near.id(), "ext-" + (p + 1),
                        names.place(category.code()), near.lat() + random.nextDouble() * 0.1 - 0.05,
                        near.lng() + random.nextDouble() * 0.1 - 0.05, category.id(), category.code(),
                        "A " + category.code() + " in the neighbourhood.", OPENING_HOURS);
            }
        }
        long reviews;
        try (var copy = new CopyWriter(connection, "review",
                "id, organization_id, place_id, user_id, rating, comment")) {
            for (int p = 0; p < places; p++) {
                int o = p % organizationCount;
                int first = random.nextInt(usersEach);
                int second = (first + 1 + random.nextInt(usersEach - 1)) % usersEach;
                for (int author : new int[]{first, second}) {
                    copy.row(uuid(), organizations[o], placeIds[p], users[o][author], 1 + random.nextInt(5),
                            "Visited on a " + (random.nextBoolean() ? "weekday" : "weekend") + ".");
                }
            }
            reviews = copy.rows();
        }
        long preferences;
        try (var copy = new CopyWriter(connection, "preference", "id, organization_id, user_id, category_id, weight")) {
            for (int o = 0; o < organizationCount; o++) {
                for (int u = 0; u < usersEach; u++) {
                    int start = random.nextInt(categories.size());
                    for (int k = 0; k < 3; k++) {
                        copy.row(uuid(), organizations[o], users[o][u],
                                categories.get((start + k) % categories.size()).id(),
                                Math.round(random.nextDouble() * 100) / 100.0);
                    }
                }
            }
            preferences = copy.rows();
        }
        long follows;
        try (var copy = new CopyWriter(connection, "location_follow", "id, organization_id, user_id, location_id")) {
            for (int o = 0; o < organizationCount; o++) {
                for (int u = 0; u < usersEach; u++) {
                    int first = random.nextInt(localities.size());
                    int second = (first + 1 + random.nextInt(localities.size() - 1)) % localities.size();
                    copy.row(uuid(), organizations[o], users[o][u], localities.get(first).id());
                    copy.row(uuid(), organizations[o], users[o][u], localities.get(second).id());
                }
            }
            follows = copy.rows();
        }
        dailyMetrics(connection, organizations, usersEach);
        return new long[]{organizationCount, (long) organizationCount * usersEach, places, reviews, preferences,
                follows};
    }

    /**
     * The last {@value #METRIC_DAYS} days' metrics of every organization, so the portal's dashboard has a history
     * to chart. Synthetic, like everything here: the demo's usage log is empty, so no rollup could produce them.
     */
    private void dailyMetrics(Connection connection, UUID[] organizations, int usersEach) throws SQLException {
        var today = LocalDate.now(ZoneOffset.UTC);
        try (var copy = new CopyWriter(connection, "daily_metrics",
                "id, organization_id, day, requests, errors, new_users, active_users, reviews, notifications")) {
            for (var organization : organizations) {
                for (int d = METRIC_DAYS; d >= 1; d--) {
                    int requests = 200 + random.nextInt(800);
                    copy.row(uuid(), organization, today.minusDays(d), requests, random.nextInt(requests / 20),
                            random.nextInt(3), 1 + random.nextInt(usersEach), random.nextInt(20), random.nextInt(10));
                }
            }
        }
    }

    // a random (version 4) UUID, but from the seeded sequence
    private UUID uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private static String timeZone(double lng) {
        return lng < -115
                ? "America/Los_Angeles"
                : lng < -102
                        ? "America/Denver"
                        : lng < -87 ? "America/Chicago" : "America/New_York";
    }

    /** One hash of the demo password, in the format Jakarta Security's Pbkdf2PasswordHash verifies. */
    private String passwordHash() {
        var salt = new byte[16];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) random.nextInt(256);
        }
        int iterations = 600_000;
        try {
            var hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(DEMO_PASSWORD.toCharArray(), salt, iterations, 256))
                    .getEncoded();
            var base64 = Base64.getEncoder();
            return "PBKDF2WithHmacSHA256:" + iterations + ":" + base64.encodeToString(salt) + ":"
                    + base64.encodeToString(hash);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("every Java platform has PBKDF2WithHmacSHA256", e);
        }
    }

    private static UUID single(Connection connection, String query) throws SQLException {
        try (var rows = connection.createStatement().executeQuery(query)) {
            if (!rows.next()) {
                throw new IllegalStateException("missing: " + query);
            }
            return rows.getObject(1, UUID.class);
        }
    }
}
