package dev.meridian.persistence.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.meridian.migrations.TestDatabase;
import dev.meridian.persistence.diagnostics.StatementCount;

/**
 * The row-level security settings riding with a transaction's next statement, on a connection of the
 * application role to real PostgreSQL: in force for that statement, its parameters where its caller put them,
 * sent on their own before anything that is not a plain query, and gone with the transaction.
 */
class ContextRidesAlongTest {

    private static final String SEEN = "SELECT current_setting('app.tenant_id', true), current_setting('app.scope', true)";

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migratedPerTestClass();

    private final Acting acting = Acting.inTenant(UUID.randomUUID(), UUID.randomUUID());

    @BeforeEach
    void noStatementsCountedYet() {
        StatementCount.reset();
    }

    @Test
    void theSettingsTravelWithTheNextQueryWhoseParametersKeepTheirNumbers() throws SQLException {
        try (var connection = transaction()) {
            assertTrue(ContextRidesAlong.defer(connection, acting));
            try (var query = connection.prepareStatement(SEEN + ", ?::text, ?::int")) {
                query.setString(1, "first");
                query.setInt(2, 7);
                try (var rows = query.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(List.of(acting.tenantId().toString(), "tenant", "first", "7"),
                            List.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                    assertFalse(rows.next(), "the query's own rows only");
                }
                // again, with new parameters: the settings are bound anew with them
                query.clearParameters();
                query.setString(1, "second");
                query.setInt(2, 8);
                try (var rows = query.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals("second", rows.getString(3));
                }
            }
            assertEquals(0, StatementCount.sent(), "no statement of their own");
            connection.rollback();
        }
    }

    @Test
    void aWithThatWritesAnswersItsOwnCount() throws SQLException {
        try (var connection = transaction()) {
            ContextRidesAlong.defer(connection, acting);
            try (var write = connection.prepareStatement("WITH wanted AS (SELECT ?::uuid AS id)"
                    + " UPDATE app_user SET full_name = full_name WHERE id IN (SELECT id FROM wanted)")) {
                write.setObject(1, UUID.randomUUID());
                assertEquals(0, write.executeUpdate(), "no such user: nothing updated, and no error");
            }
            assertEquals(0, StatementCount.sent());
            connection.rollback();
        }
    }

    @Test
    void beforeAnythingButAPlainQueryTheyGoOnTheirOwn() throws SQLException {
        try (var connection = transaction()) {
            ContextRidesAlong.defer(connection, acting);
            assertEquals(List.of(acting.tenantId().toString(), "tenant"),
                    seen(connection,
                            "VALUES (current_setting('app.tenant_id', true), current_setting('app.scope', true))"));
            assertEquals(1, StatementCount.sent(), "the settings' own statement");
            connection.rollback();
        }
    }

    @Test
    void theyEndWithTheTransactionAndATransactionEndingFirstDropsThem() throws SQLException {
        try (var connection = transaction()) {
            ContextRidesAlong.defer(connection, acting);
            assertEquals(List.of(acting.tenantId().toString(), "tenant"), seen(connection, SEEN));
            connection.commit();
            assertEquals(List.of("", ""), seen(connection, SEEN), "the next transaction starts empty");
            connection.commit();

            ContextRidesAlong.defer(connection, acting);
            connection.rollback();
            assertEquals(List.of("", ""), seen(connection, SEEN), "settings a transaction never used");
            connection.rollback();
        }
    }

    @Test
    void anotherConnectionIsNotOneOfThese() throws SQLException {
        try (var plain = database.connectAsApplication()) {
            assertFalse(ContextRidesAlong.defer(plain, acting));
        }
    }

    private static Connection transaction() throws SQLException {
        var connection = ContextRidesAlong.around(database.connectAsApplication());
        connection.setAutoCommit(false);
        return connection;
    }

    private static List<String> seen(Connection connection, String sql) throws SQLException {
        try (var query = connection.prepareStatement(sql); var rows = query.executeQuery()) {
            assertTrue(rows.next());
            return List.of(nullToEmpty(rows.getString(1)), nullToEmpty(rows.getString(2)));
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
