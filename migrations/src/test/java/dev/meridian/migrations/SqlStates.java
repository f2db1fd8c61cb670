package dev.meridian.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A statement PostgreSQL must refuse with a given SQLSTATE: a constraint, an exclusion, a policy, a grant.
 */
final class SqlStates {

    private SqlStates() {
    }

    /**
     * Runs the statement and expects the SQLSTATE. Inside a transaction it runs in a savepoint, rolled back
     * after, so the test goes on in the same transaction and context.
     */
    static void assertSqlState(String state, Connection connection, String sql, Object... parameters)
            throws SQLException {
        var savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        var refused = assertThrows(SQLException.class, () -> {
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.execute();
            }
        }, "expected SQLSTATE " + state + " from: " + sql);
        if (savepoint != null) {
            connection.rollback(savepoint);
        }
        assertEquals(state, refused.getSQLState(), refused.getMessage());
    }
}
