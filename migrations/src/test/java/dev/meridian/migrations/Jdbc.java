package dev.meridian.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Plain JDBC for database tests: the application role's connections in a tenant, platform or no context (each
 * in an open transaction, so the transaction-local settings hold), and one-line queries and updates.
 */
final class Jdbc {

    private Jdbc() {
    }

    /** The application role acting for one user of one tenant, in an open transaction. */
    static Connection asTenant(TestDatabase database, UUID organization, UUID user) throws SQLException {
        return withContext(database, organization.toString(), user.toString(), "tenant");
    }

    /** The application role in platform scope, in an open transaction. */
    static Connection asPlatform(TestDatabase database) throws SQLException {
        return withContext(database, "", "", "platform");
    }

    /** The application role with no context at all, in an open transaction. */
    static Connection withoutContext(TestDatabase database) throws SQLException {
        var connection = database.connectAsApplication();
        connection.setAutoCommit(false);
        return connection;
    }

    private static Connection withContext(TestDatabase database, String tenant, String user, String scope)
            throws SQLException {
        var connection = withoutContext(database);
        strings(connection, "SELECT set_config('app.tenant_id', ?, true) || set_config('app.user_id', ?, true)"
                + " || set_config('app.scope', ?, true)", tenant, user, scope);
        return connection;
    }

    /** The first column of every row, as text. */
    static List<String> strings(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = prepare(connection, sql, parameters); var rows = statement.executeQuery()) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        return Long.parseLong(strings(connection, sql, parameters).get(0));
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        var statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
