package dev.meridian.persistence.context;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

import dev.meridian.persistence.diagnostics.StatementCount;

/**
 * A transaction's connection that sends the row-level security settings together with the statement after
 * them, in one round trip, instead of on their own.
 * <p>
 * {@link RowLevelSecurityInterceptor} hands the settings over with {@link #defer}. If the connection's next
 * statement is a prepared query ({@code SELECT} or {@code WITH}), the settings go in front of it as one
 * multi-statement text: PgJDBC sends both, with the transaction's {@code BEGIN}, before waiting for an
 * answer. The statement's parameters shift past the settings' three, and its query answers the second result,
 * its own. Anything else first sends the settings on their own, as before. Either way they are in force
 * before the statement runs, and like every {@code set_config(..., true)} they end with the transaction.
 */
final class ContextRidesAlong implements InvocationHandler {

    static final String SET_CONTEXT = "SELECT set_config('app.tenant_id', ?, true),"
            + " set_config('app.user_id', ?, true), set_config('app.scope', ?, true)";
    private static final int SETTINGS = 3;

    private final Connection connection;
    private Acting pending;

    private ContextRidesAlong(Connection connection) {
        this.connection = connection;
    }

    static Connection around(Connection connection) {
        return (Connection) Proxy.newProxyInstance(ContextRidesAlong.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new ContextRidesAlong(connection));
    }

    /**
     * Puts the settings in force for the connection's next statement; false if the connection is not one of
     * these, and the caller has to send them itself.
     */
    static boolean defer(Connection connection, Acting acting) {
        if (Proxy.isProxyClass(connection.getClass())
                && Proxy.getInvocationHandler(connection) instanceof ContextRidesAlong handler) {
            handler.pending = acting;
            return true;
        }
        return false;
    }

    /** Sends the settings as a statement of their own, the way every transaction once began. */
    static void send(Connection connection, Acting acting) throws SQLException {
        try (var settings = connection.prepareStatement(SET_CONTEXT)) {
            bind(settings, acting);
            settings.executeQuery().close();
        }
        StatementCount.oneMore();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (pending != null) {
            var acting = pending;
            switch (method.getName()) {
                case "prepareStatement" -> {
                    pending = null;
                    if (isQueryOfItsOwn(args)) {
                        var statement = connection.prepareStatement(SET_CONTEXT + ";\n" + args[0]);
                        bind(statement, acting);
                        return AfterTheSettings.around(statement, acting);
                    }
                    send(connection, acting);
                }
                case "prepareCall", "createStatement" -> {
                    pending = null;
                    send(connection, acting);
                }
                // the transaction ends before any statement needed them
                case "commit", "rollback", "setAutoCommit", "close" -> pending = null;
                default -> {
                    // asks the connection about itself: the settings wait for a statement
                }
            }
        }
        return delegate(connection, method, args);
    }

    /** A prepared read whose text is only its own: one the settings can go in front of. */
    private static boolean isQueryOfItsOwn(Object[] args) {
        if (args.length != 1) {
            return false;
        }
        var sql = ((String) args[0]).stripLeading().toLowerCase(Locale.ROOT);
        return (sql.startsWith("select") || sql.startsWith("with")) && !sql.contains(";");
    }

    private static void bind(PreparedStatement statement, Acting acting) throws SQLException {
        statement.setString(1, acting.tenantSetting());
        statement.setString(2, acting.userSetting());
        statement.setString(3, acting.scope().setting());
    }

    private static Object delegate(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The statement behind the settings: its parameters numbered as its caller numbers them, its execution
     * answering its own result.
     */
    private static final class AfterTheSettings implements InvocationHandler {

        private final PreparedStatement statement;
        private final Acting acting;

        private AfterTheSettings(PreparedStatement statement, Acting acting) {
            this.statement = statement;
            this.acting = acting;
        }

        static PreparedStatement around(PreparedStatement statement, Acting acting) {
            return (PreparedStatement) Proxy.newProxyInstance(ContextRidesAlong.class.getClassLoader(),
                    new Class<?>[]{PreparedStatement.class}, new AfterTheSettings(statement, acting));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            var name = method.getName();
            if (method.getDeclaringClass() == PreparedStatement.class && name.startsWith("set") && args != null
                    && args.length >= 2 && args[0] instanceof Integer index) {
                args[0] = index + SETTINGS;
            } else if ("clearParameters".equals(name)) {
                statement.clearParameters();
                bind(statement, acting);
                return null;
            } else if ("executeQuery".equals(name) && args == null) {
                statement.execute();
                statement.getMoreResults();
                return statement.getResultSet();
            } else if ("execute".equals(name) && args == null) {
                statement.execute();
                return statement.getMoreResults();
            } else if ("executeUpdate".equals(name) && args == null) {
                // a WITH that writes
                statement.execute();
                statement.getMoreResults();
                return statement.getUpdateCount();
            } else if (name.startsWith("execute") || "addBatch".equals(name) || "getParameterMetaData".equals(name)) {
                throw new SQLException(name + " is not for a query behind the context settings");
            }
            return delegate(statement, method, args);
        }
    }
}
