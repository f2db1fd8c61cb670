package dev.meridian.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.meridian.migrations.TestDatabase;

/** The synthetic dataset on real PostgreSQL: sizes, consistency, determinism, and tenants kept apart. */
class SyntheticDatasetTest {

    private static final int PLACES = 2_000;
    @RegisterExtension
    static final TestDatabase first = TestDatabase.migratedPerTestClass();
    @RegisterExtension
    static final TestDatabase second = TestDatabase.migratedPerTestClass();
    private static SyntheticDataset.Summary summary;

    @BeforeAll
    static void loadTwiceWithTheSameSeed() throws SQLException {
        try (var connection = first.connectAsSuperuser()) {
            summary = new SyntheticDataset(PLACES, 7).loadInto(connection);
        }
        try (var connection = second.connectAsSuperuser()) {
            new SyntheticDataset(PLACES, 7).loadInto(connection);
        }
    }

    @Test
    void sizesFollowThePlaceCount() throws SQLException {
        assertEquals(PLACES, summary.places());
        assertEquals(PLACES * SyntheticDataset.REVIEWS_PER_PLACE, summary.reviews());
        try (var connection = first.connectAsSuperuser()) {
            assertEquals(PLACES, count(connection, "SELECT count(*) FROM place"));
            assertEquals(summary.reviews(), count(connection, "SELECT count(*) FROM review"));
            assertEquals(9_650, count(connection, "SELECT count(*) FROM location"));
            assertEquals(summary.users(),
                    count(connection, "SELECT count(*) FROM app_user WHERE username LIKE 'user%'"));
        }
    }

    @Test
    void theSameSeedGivesTheSameRows() throws SQLException {
        var fingerprint = "SELECT md5(string_agg(id::text || name || lat || lng, ',' ORDER BY id)) FROM place";
        try (var a = first.connectAsSuperuser(); var b = second.connectAsSuperuser()) {
            assertEquals(text(a, fingerprint), text(b, fingerprint));
        }
    }

    @Test
    void ratingsMatchReviewsAndReviewersBelongToThePlacesOrganization() throws SQLException {
        try (var connection = first.connectAsSuperuser()) {
            assertEquals(0, count(connection, """
                    SELECT count(*) FROM place p
                    WHERE p.ratings_total <> (SELECT count(*) FROM review r WHERE r.place_id = p.id)
                       OR p.rating <> (SELECT round(avg(rating), 2) FROM review r WHERE r.place_id = p.id)"""));
            assertEquals(0, count(connection, """
                    SELECT count(*) FROM review r JOIN app_user u ON u.id = r.user_id
                    WHERE u.organization_id <> r.organization_id"""));
            assertEquals(0, count(connection, """
                    SELECT count(*) FROM (SELECT user_id, place_id FROM review
                                          GROUP BY 1, 2 HAVING count(*) > 1) twice"""));
        }
    }

    @Test
    void aTenantSeesOnlyItsOwnPlaces() throws SQLException {
        try (var superuser = first.connectAsSuperuser(); var app = first.connectAsApplication()) {
            var organization = text(superuser, "SELECT organization_id FROM place ORDER BY id LIMIT 1");
            long own = count(superuser, "SELECT count(*) FROM place WHERE organization_id = '" + organization + "'");
            app.setAutoCommit(false);
            text(app, "SELECT set_config('app.tenant_id', '" + organization + "', true)");
            assertEquals(own, count(app, "SELECT count(*) FROM place"));
            assertTrue(own < PLACES, "the places are spread over several organizations");
            app.rollback();
        }
    }

    @Test
    void aSecondLoadIsRefused() throws SQLException {
        try (var connection = first.connectAsSuperuser()) {
            assertThrows(IllegalStateException.class, () -> new SyntheticDataset(10, 1).loadInto(connection));
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        return Long.parseLong(text(connection, sql));
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
