package dev.meridian.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import org.postgresql.ds.PGSimpleDataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh, migrated Meridian database with its own owner, application and read-only roles, on the local
 * PostgreSQL when it answers on 127.0.0.1:5432 and on an embedded one otherwise. Closing it drops the
 * database and its roles. Connections are plain JDBC: each test sees exactly what the application role sees.
 */
public final class TestDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=2";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static Server server;

    private final String name;
    private final MigrationRoles roles;

    private TestDatabase(String name) {
        this.name = name;
        this.roles = new MigrationRoles(name + "_app", name + "_ro");
    }

    /**
     * A database for one test class, registered with {@code @RegisterExtension}: created and migrated before the
     * class's tests, dropped after them.
     */
    public static TestDatabase migratedPerTestClass() {
        return new TestDatabase(newName());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        create();
        migrate();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        close();
    }

    /**
     * Creates a database named {@code meridian_t_<random>}, owned by a role of the same name, and migrates it.
     */
    public static TestDatabase createMigrated() {
        var database = createEmpty();
        database.migrate();
        return database;
    }

    /**
     * Creates the database and its owner only: no schema and no application or read-only role yet, as a first
     * deployment finds it. Whoever migrates it as {@link #owner()} creates the roles named by {@link #roles()}.
     */
    public static TestDatabase createEmpty() {
        var database = new TestDatabase(newName());
        database.create();
        return database;
    }

    private static String newName() {
        return "meridian_t_" + HexFormat.of().formatHex(RANDOM.generateSeed(5));
    }

    private void migrate() {
        new Migrations(dataSource(owner()), roles).migrate();
    }

    private void create() {
        try (var connection = server().superuser(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE ROLE " + owner() + " LOGIN CREATEROLE");
            sql.execute("CREATE DATABASE " + name + " OWNER " + owner());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return server().url(name);
    }

    public MigrationRoles roles() {
        return roles;
    }

    public String owner() {
        return name;
    }

    public Connection connectAsApplication() throws SQLException {
        return DriverManager.getConnection(url(), roles.appRole(), "");
    }

    public Connection connectAsOwner() throws SQLException {
        return DriverManager.getConnection(url(), owner(), "");
    }

    public Connection connectAsReadonly() throws SQLException {
        return DriverManager.getConnection(url(), roles.readonlyRole(), "");
    }

    /** A superuser connection to this database, for arranging data behind RLS's back. */
    public Connection connectAsSuperuser() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    public PGSimpleDataSource dataSource(String user) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url());
        dataSource.setUser(user);
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (var connection = server().superuser(); Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("DROP ROLE IF EXISTS " + roles.appRole());
            sql.execute("DROP ROLE IF EXISTS " + roles.readonlyRole());
            sql.execute("DROP ROLE IF EXISTS " + owner());
        }
    }

    private static synchronized Server server() {
        if (server == null) {
            server = localServerAnswers()
                    ? new Server(LOCAL_URL.replace("/postgres?", "/%s?"), null)
                    : Server.startEmbedded();
        }
        return server;
    }

    private static boolean localServerAnswers() {
        try (var ignored = DriverManager.getConnection(LOCAL_URL, "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The PostgreSQL server the test databases live on: a URL template and, when embedded, its process. */
    private record Server(String urlTemplate, EmbeddedPostgres process) {

        static Server startEmbedded() {
            try {
                var postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is exiting: nothing left to tell
                    }
                }));
                return new Server("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/%s", postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("no local PostgreSQL on 127.0.0.1:5432 and no embedded one either", e);
            }
        }

        String url(String database) {
            return urlTemplate.formatted(database);
        }

        Connection superuser() throws SQLException {
            return DriverManager.getConnection(url("postgres"), "postgres", "");
        }
    }
}
