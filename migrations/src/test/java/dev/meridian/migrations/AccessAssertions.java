package dev.meridian.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Tells PostgreSQL's two refusals of a write apart: both are SQLSTATE 42501, but a missing grant (an
 * append-only table, a partition reached directly) and a policy's WITH CHECK (another tenant's row) are
 * different promises. Each runs in a savepoint, so the test goes on in the same transaction and context.
 */
final class AccessAssertions {

    private AccessAssertions() {
    }

    static void assertPermissionDenied(Connection connection, String sql, Object... parameters) throws SQLException {
        assertRefused(connection, "permission denied", sql, parameters);
    }

    static void assertPolicyViolated(Connection connection, String sql, Object... parameters) throws SQLException {
        assertRefused(connection, "violates row-level security policy", sql, parameters);
    }

    private static void assertRefused(Connection connection, String reason, String sql, Object... parameters)
            throws SQLException {
        var savepoint = connection.setSavepoint();
        var refused = assertThrows(SQLException.class, () -> Jdbc.update(connection, sql, parameters),
                "expected \"" + reason + "\" from: " + sql);
        connection.rollback(savepoint);
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
