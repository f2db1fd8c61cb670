package dev.meridian.migrations;

import static dev.meridian.migrations.Jdbc.asPlatform;
import static dev.meridian.migrations.Jdbc.asTenant;
import static dev.meridian.migrations.SqlStates.assertSqlState;
import static dev.meridian.migrations.Jdbc.count;
import static dev.meridian.migrations.Jdbc.strings;
import static dev.meridian.migrations.Jdbc.update;
import static dev.meridian.migrations.Jdbc.withoutContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Geography and places against real PostgreSQL: their constraints, the trigger that keeps a place's rating,
 * and row-level security for every command as the application role. A hidden row is zero rows, a forbidden
 * insert an error; every write that passes is checked by a re-read.
 */
class GeographyAndPlacesDatabaseTest {

    private static final String INSERT_REVIEW = """
            INSERT INTO review (id, organization_id, place_id, user_id, rating) VALUES (?, ?, ?, ?, ?)""";
    private static final String INSERT_SEASON = """
            INSERT INTO season (id, location_id, name, during) VALUES (?, ?, ?, ?::daterange)""";

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migratedPerTestClass();
    private World world;

    @BeforeEach
    void arrange() throws SQLException {
        world = World.create(database);
    }

    // --- constraints

    @Test
    void aUserReviewsAPlaceOnlyOnce() throws SQLException {
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, INSERT_REVIEW, UUID.randomUUID(), world.acme(), world.acmePlace(), world.alice(), 4);
            assertSqlState("23505", superuser, INSERT_REVIEW, UUID.randomUUID(), world.acme(), world.acmePlace(),
                    world.alice(), 2);
        }
    }

    @Test
    void aRatingIsOneToFive() throws SQLException {
        try (var superuser = database.connectAsSuperuser()) {
            assertSqlState("23514", superuser, INSERT_REVIEW, UUID.randomUUID(), world.acme(), world.acmePlace(),
                    world.alice(), 0);
            assertSqlState("23514", superuser, INSERT_REVIEW, UUID.randomUUID(), world.acme(), world.acmePlace(),
                    world.alice(), 6);
            update(superuser, INSERT_REVIEW, UUID.randomUUID(), world.acme(), world.acmePlace(), world.alice(), 1);
            update(superuser, INSERT_REVIEW, UUID.randomUUID(), world.acme(), world.acmePlace(), world.xavier(), 5);
        }
    }

    @Test
    void aReviewCannotPointIntoAnotherTenant() throws SQLException {
        try (var superuser = database.connectAsSuperuser()) {
            // Bob (Globex) on Acme's place, filed under either tenant: no such (tenant, place) or (tenant, user)
            assertSqlState("23503", superuser, INSERT_REVIEW, UUID.randomUUID(), world.globex(), world.acmePlace(),
                    world.bob(), 3);
            assertSqlState("23503", superuser, INSERT_REVIEW, UUID.randomUUID(), world.acme(), world.acmePlace(),
                    world.bob(), 3);
        }
    }

    @Test
    void seasonsOfOneLocationNeverOverlap() throws SQLException {
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, INSERT_SEASON, UUID.randomUUID(), world.locality(), "winter", "[2026-01-01,2026-03-01)");
            assertSqlState("23P01", superuser, INSERT_SEASON, UUID.randomUUID(), world.locality(), "overlapping",
                    "[2026-02-15,2026-04-01)");
            assertEquals(1, update(superuser, INSERT_SEASON, UUID.randomUUID(), world.locality(), "spring",
                    "[2026-03-01,2026-06-01)"), "adjacent seasons do not overlap");
            assertEquals(1, update(superuser, INSERT_SEASON, UUID.randomUUID(), world.county(), "winter",
                    "[2026-01-01,2026-03-01)"), "the same dates are fine for another location");
            assertSqlState("23514", superuser, INSERT_SEASON, UUID.randomUUID(), world.state(), "forever",
                    "[2026-01-01,)");
        }
    }

    @Test
    void aSeasonRangeRoundTripsInItsTextForm() throws SQLException {
        var id = UUID.randomUUID();
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, INSERT_SEASON, id, world.locality(), "winter", "[2026-01-01,2026-03-01)");
            assertEquals(List.of("[2026-01-01,2026-03-01)"),
                    strings(superuser, "SELECT during::text FROM season WHERE id = ?", id));
            // an inclusive end is stored in the canonical half-open form
            update(superuser, "UPDATE season SET during = ?::daterange WHERE id = ?", "[2026-01-01,2026-02-28]", id);
            assertEquals(List.of("[2026-01-01,2026-03-01)"),
                    strings(superuser, "SELECT during::text FROM season WHERE id = ?", id));
        }
    }

    @Test
    void theLocationHierarchyGoesStateCountyLocality() throws SQLException {
        try (var superuser = database.connectAsSuperuser()) {
            var insert = """
                    INSERT INTO location (id, parent_id, level, code, name, lat, lng, time_zone)
                    VALUES (?, ?, ?, ?, 'X', 0, 0, 'UTC')""";
            assertSqlState("23503", superuser, insert, UUID.randomUUID(), world.state(), "locality", "x1");
            assertSqlState("23514", superuser, insert, UUID.randomUUID(), null, "county", "x2");
            assertSqlState("23505", superuser, insert, UUID.randomUUID(), world.county(), "locality",
                    "L" + world.code());
            assertSqlState("23505", superuser, insert, UUID.randomUUID(), null, "state", "S" + world.code());
            assertSqlState("23514", superuser, """
                    INSERT INTO location (id, parent_id, level, code, name, lat, lng, time_zone)
                    VALUES (?, NULL, 'state', 'far', 'Far', 91, 0, 'UTC')""", UUID.randomUUID());
        }
    }

    // --- the rating trigger

    @Test
    void aPlaceRatingFollowsItsReviews() throws SQLException {
        var aliceReview = UUID.randomUUID();
        var xavierReview = UUID.randomUUID();
        var secondPlace = UUID.randomUUID();
        try (var superuser = database.connectAsSuperuser()) {
            World.place(superuser, secondPlace, world.acme(), world.locality(), "Second " + world.code());
            assertEquals(List.of("null 0"), rating(superuser, world.acmePlace()), "no review, no rating");
        }
        try (var app = asTenant(database, world.acme(), world.alice())) {
            update(app, INSERT_REVIEW, aliceReview, world.acme(), world.acmePlace(), world.alice(), 5);
            app.commit();
        }
        try (var app = asTenant(database, world.acme(), world.xavier())) {
            update(app, INSERT_REVIEW, xavierReview, world.acme(), world.acmePlace(), world.xavier(), 2);
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("3.50 2"), rating(superuser, world.acmePlace()));
        }
        try (var app = asTenant(database, world.acme(), world.xavier())) {
            update(app, "UPDATE review SET rating = 4 WHERE id = ?", xavierReview);
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("4.50 2"), rating(superuser, world.acmePlace()));
        }
        try (var app = asTenant(database, world.acme(), world.xavier())) {
            update(app, "UPDATE review SET comment = 'still good' WHERE id = ?", xavierReview);
            update(app, "UPDATE review SET place_id = ? WHERE id = ?", secondPlace, xavierReview);
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("5.00 1"), rating(superuser, world.acmePlace()), "the moved review left");
            assertEquals(List.of("4.00 1"), rating(superuser, secondPlace), "and arrived");
        }
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertEquals(1, update(app, "DELETE FROM review WHERE id = ?", aliceReview));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("null 0"), rating(superuser, world.acmePlace()), "the last review gone");
            assertEquals(List.of("4.00 1"), rating(superuser, secondPlace));
        }
    }

    @Test
    void oneStatementOfManyReviewsCountsEachOnce() throws SQLException {
        var secondPlace = UUID.randomUUID();
        try (var superuser = database.connectAsSuperuser()) {
            World.place(superuser, secondPlace, world.acme(), world.locality(), "Second " + world.code());
            update(superuser,
                    """
                            INSERT INTO review (id, organization_id, place_id, user_id, rating) VALUES
                              (gen_random_uuid(), ?, ?, ?, 5), (gen_random_uuid(), ?, ?, ?, 4), (gen_random_uuid(), ?, ?, ?, 1)""",
                    world.acme(), world.acmePlace(), world.alice(), world.acme(), world.acmePlace(), world.xavier(),
                    world.acme(), secondPlace, world.alice());
            assertEquals(List.of("4.50 2"), rating(superuser, world.acmePlace()));
            assertEquals(List.of("1.00 1"), rating(superuser, secondPlace));
            // 5, 4 → 3, 3 and 1 → 5 in one statement
            update(superuser, "UPDATE review SET rating = 6 - rating WHERE organization_id = ?", world.acme());
            assertEquals(List.of("1.50 2"), rating(superuser, world.acmePlace()));
            assertEquals(List.of("5.00 1"), rating(superuser, secondPlace));
            update(superuser, "DELETE FROM review WHERE organization_id = ?", world.acme());
            assertEquals(List.of("null 0"), rating(superuser, world.acmePlace()));
            assertEquals(List.of("null 0"), rating(superuser, secondPlace));
        }
    }

    @Test
    void deletingAPlaceTakesItsReviews() throws SQLException {
        try (var app = asTenant(database, world.acme(), world.alice())) {
            update(app, INSERT_REVIEW, UUID.randomUUID(), world.acme(), world.acmePlace(), world.alice(), 5);
            assertEquals(1, update(app, "DELETE FROM place WHERE id = ?", world.acmePlace()));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(0, count(superuser, "SELECT count(*) FROM review WHERE place_id = ?", world.acmePlace()));
        }
    }

    private static List<String> rating(Connection connection, UUID place) throws SQLException {
        return strings(connection,
                "SELECT coalesce(rating::text, 'null') || ' ' || ratings_total FROM place WHERE id = ?",
                place);
    }

    // --- row-level security: geography and categories (reference data)

    @Test
    void geographyIsReadableWithoutContextAndWritableOnlyInPlatformScope() throws SQLException {
        try (var app = withoutContext(database)) {
            assertEquals(3, count(app, "SELECT count(*) FROM location WHERE id IN (?, ?, ?)", world.state(),
                    world.county(), world.locality()));
            assertTrue(count(app, "SELECT count(*) FROM category") >= 8, "categories are seeded and readable");
            assertSqlState("42501", app, """
                    INSERT INTO location (id, parent_id, level, code, name, lat, lng, time_zone)
                    VALUES (?, NULL, 'state', ?, 'Nowhere', 0, 0, 'UTC')""", UUID.randomUUID(), "N" + world.code());
            app.rollback();
        }
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertSqlState("42501", app, INSERT_SEASON, UUID.randomUUID(), world.locality(), "tenant-made",
                    "[2030-01-01,2030-02-01)");
            assertSqlState("42501", app, "INSERT INTO category (id, code, name) VALUES (?, ?, 'Mine')",
                    UUID.randomUUID(), "c" + world.code());
            assertSqlState("42501", app, """
                    INSERT INTO geocode_cache (id, normalized_query, location_id) VALUES (?, 'springfield', ?)""",
                    UUID.randomUUID(), world.locality());
            assertEquals(0, update(app, "UPDATE location SET name = 'Renamed' WHERE id = ?", world.locality()));
            assertEquals(0, update(app, "DELETE FROM location WHERE id = ?", world.locality()));
            assertEquals(0, update(app, "UPDATE category SET name = 'Renamed' WHERE id = ?", World.CAFE));
            app.commit();
        }
        var season = UUID.randomUUID();
        try (var app = asPlatform(database)) {
            assertEquals(1, update(app, INSERT_SEASON, season, world.locality(), "summer", "[2030-06-01,2030-09-01)"));
            assertEquals(1, update(app, "UPDATE location SET name = 'Renamed' WHERE id = ?", world.locality()));
            assertEquals(1, update(app, """
                    INSERT INTO geocode_cache (id, normalized_query, location_id) VALUES (?, ?, ?)""",
                    UUID.randomUUID(), "town " + world.code().toLowerCase(), world.locality()));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("Renamed"), strings(superuser, "SELECT name FROM location WHERE id = ?",
                    world.locality()));
            assertEquals(1, count(superuser, "SELECT count(*) FROM season WHERE id = ?", season));
            assertEquals(List.of("Café"), strings(superuser, "SELECT name FROM category WHERE id = ?", World.CAFE));
        }
    }

    // --- row-level security: places (the tenant's)

    @Test
    void placesAreTheTenantsForEveryCommand() throws SQLException {
        var insert = """
                INSERT INTO place (id, organization_id, location_id, name, lat, lng)
                VALUES (?, ?, ?, 'New', 39.8, -89.6)""";
        var mine = UUID.randomUUID();
        try (var app = withoutContext(database)) {
            assertEquals(0, count(app, "SELECT count(*) FROM place"), "no context, no places");
            assertEquals(0, update(app, "UPDATE place SET name = 'x'"));
            app.rollback();
        }
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertEquals(1, count(app, "SELECT count(*) FROM place WHERE id = ?", world.acmePlace()));
            assertEquals(0, count(app, "SELECT count(*) FROM place WHERE id = ?", world.globexPlace()));
            assertEquals(List.of(mine.toString()), strings(app, insert + " RETURNING id", mine, world.acme(),
                    world.locality()));
            assertSqlState("42501", app, insert, UUID.randomUUID(), world.globex(), world.locality());
            assertEquals(1, update(app, "UPDATE place SET name = 'Renamed' WHERE id = ?", world.acmePlace()));
            assertEquals(0, update(app, "UPDATE place SET name = 'Hijacked' WHERE id = ?", world.globexPlace()));
            assertSqlState("42501", app, "UPDATE place SET organization_id = ? WHERE id = ?", world.globex(),
                    world.acmePlace());
            assertEquals(0, update(app, "DELETE FROM place WHERE id = ?", world.globexPlace()));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("Renamed"), strings(superuser, "SELECT name FROM place WHERE id = ?",
                    world.acmePlace()));
            assertEquals(List.of("Globex Secret Lab " + world.code()),
                    strings(superuser, "SELECT name FROM place WHERE id = ?", world.globexPlace()));
            assertEquals(1, count(superuser, "SELECT count(*) FROM place WHERE id = ?", mine));
        }
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertEquals(1, update(app, "DELETE FROM place WHERE id = ?", mine));
            app.commit();
        }
        try (var app = asPlatform(database)) {
            assertEquals(2, count(app, "SELECT count(*) FROM place WHERE id IN (?, ?)", world.acmePlace(),
                    world.globexPlace()), "platform scope sees every tenant");
            app.rollback();
        }
    }

    // --- row-level security: reviews (the tenant reads, the author writes)

    @Test
    void theTenantReadsReviewsAndOnlyTheirAuthorsWriteThem() throws SQLException {
        var byAlice = UUID.randomUUID();
        var byXavier = UUID.randomUUID();
        var byBob = UUID.randomUUID();
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, INSERT_REVIEW, byXavier, world.acme(), world.acmePlace(), world.xavier(), 3);
            update(superuser, INSERT_REVIEW, byBob, world.globex(), world.globexPlace(), world.bob(), 3);
        }
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertEquals(1, count(app, "SELECT count(*) FROM review WHERE id = ?", byXavier), "the tenant reads");
            assertEquals(0, count(app, "SELECT count(*) FROM review WHERE id = ?", byBob), "not another tenant");
            assertEquals(1, update(app, INSERT_REVIEW, byAlice, world.acme(), world.acmePlace(), world.alice(), 5));
            assertSqlState("42501", app, INSERT_REVIEW, UUID.randomUUID(), world.acme(), world.acmePlace(),
                    world.xavier(), 1);
            assertEquals(0, update(app, "UPDATE review SET rating = 1 WHERE id = ?", byXavier));
            assertEquals(0, update(app, "UPDATE review SET rating = 1 WHERE id = ?", byBob));
            assertEquals(0, update(app, "DELETE FROM review WHERE id IN (?, ?)", byXavier, byBob));
            assertEquals(1, update(app, "UPDATE review SET comment = 'mine' WHERE id = ?", byAlice));
            assertSqlState("42501", app, "UPDATE review SET user_id = ? WHERE id = ?", world.xavier(), byAlice);
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("3", "3", "5 mine"), strings(superuser, """
                    SELECT concat_ws(' ', rating, comment) FROM review WHERE id IN (?, ?, ?) ORDER BY rating""",
                    byXavier, byBob, byAlice));
            // Alice becomes a moderator of her organization
            update(superuser, """
                    INSERT INTO user_permission (id, organization_id, user_id, permission_id)
                    SELECT gen_random_uuid(), ?, ?, id FROM permission WHERE code = 'reviews.moderate'""",
                    world.acme(), world.alice());
        }
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertEquals(1, update(app, "UPDATE review SET comment = 'moderated' WHERE id = ?", byXavier));
            assertEquals(0, update(app, "UPDATE review SET comment = 'moderated' WHERE id = ?", byBob),
                    "a moderator of one tenant only");
            app.commit();
        }
        try (var app = asPlatform(database)) {
            assertEquals(1, update(app, "DELETE FROM review WHERE id = ?", byBob));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("moderated"), strings(superuser, "SELECT comment FROM review WHERE id = ?", byXavier));
            assertEquals(0, count(superuser, "SELECT count(*) FROM review WHERE id = ?", byBob));
        }
    }

    // --- row-level security: preferences and follows (private to their user)

    @Test
    void preferencesArePrivateToTheirUser() throws SQLException {
        userPrivate("preference", """
                INSERT INTO preference (id, organization_id, user_id, category_id, weight)
                VALUES (?, ?, ?, '%s', 0.5)""".formatted(World.RESTAURANT), "UPDATE preference SET weight = 0.9");
    }

    @Test
    void locationFollowsArePrivateToTheirUser() throws SQLException {
        userPrivate("location_follow", """
                INSERT INTO location_follow (id, organization_id, user_id, location_id)
                VALUES (?, ?, ?, '%s')""".formatted(world.locality()), "UPDATE location_follow SET updated_at = now()");
    }

    /** Alice, Xavier (same tenant) and Bob (another) each own one row; Alice acts. */
    private void userPrivate(String table, String insert, String update) throws SQLException {
        var alices = UUID.randomUUID();
        var xaviers = UUID.randomUUID();
        var bobs = UUID.randomUUID();
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, insert, xaviers, world.acme(), world.xavier());
            update(superuser, insert, bobs, world.globex(), world.bob());
        }
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertEquals(List.of(alices.toString()),
                    strings(app, insert + " RETURNING id", alices, world.acme(), world.alice()));
            assertSqlState("42501", app, insert, UUID.randomUUID(), world.acme(), world.xavier());
            assertSqlState("42501", app, insert, UUID.randomUUID(), world.globex(), world.bob());
            assertEquals(List.of(alices.toString()), strings(app, "SELECT id FROM " + table),
                    "only her own row, not her colleague's nor another tenant's");
            assertEquals(1, update(app, update + " WHERE id = ?", alices));
            assertEquals(0, update(app, update + " WHERE id IN (?, ?)", xaviers, bobs));
            assertSqlState("42501", app, "UPDATE " + table + " SET user_id = ? WHERE id = ?", world.xavier(), alices);
            assertEquals(0, update(app, "DELETE FROM " + table + " WHERE id IN (?, ?)", xaviers, bobs));
            app.commit();
        }
        try (var app = asTenant(database, world.acme(), world.xavier())) {
            assertEquals(List.of(xaviers.toString()), strings(app, "SELECT id FROM " + table));
            assertEquals(1, update(app, "DELETE FROM " + table + " WHERE id = ?", xaviers));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(2, count(superuser, "SELECT count(*) FROM " + table + " WHERE id IN (?, ?, ?)", alices,
                    xaviers, bobs), "Alice's and Bob's rows are left");
        }
        try (var app = asPlatform(database)) {
            assertEquals(2, count(app, "SELECT count(*) FROM " + table + " WHERE id IN (?, ?)", alices, bobs));
            app.rollback();
        }
    }
}
