package dev.meridian.launcher;

import dev.meridian.dataset.SyntheticDataset;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * PostgreSQL for a developer's machine: zonky's binaries, trust authentication on 127.0.0.1, data kept in a
 * directory between runs. It only creates the owner role and the database; the application migrates the
 * schema and creates its own role.
 */
final class EmbeddedDatabase {

    static final String DATABASE = "meridian";
    static final String OWNER_ROLE = "meridian_owner";
    static final String APPLICATION_ROLE = "meridian_app";

    private static final long DEMO_SEED = 42;

    private final Path dataDir;
    private final int port;
    private final Path log;
    private EmbeddedPostgres postgres;

    EmbeddedDatabase(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = dataDir.resolveSibling("postgres.log");
    }

    synchronized void start() throws IOException {
        if (postgres != null) {
            return;
        }
        stopLeftover();
        System.out.println("Starting PostgreSQL on port " + port + " with data in " + dataDir);
        Files.createDirectories(dataDir);
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60)) // crash recovery on a busy machine outlasts the 10 s default
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .start();
            createOwnerAndDatabase();
        } catch (IOException | SQLException | RuntimeException e) {
            throw new IOException("PostgreSQL did not start; see " + log, e);
        }
    }

    synchronized void stop() throws IOException {
        if (postgres != null) {
            System.out.println("Stopping PostgreSQL");
            postgres.close();
            postgres = null;
        }
    }

    /**
     * Loads the synthetic demo dataset, as the superuser, when the migrated database holds no places yet: on a
     * first start, never over data someone made.
     */
    synchronized void loadDemoIfEmpty(int places) throws IOException {
        if (places <= 0) {
            return;
        }
        try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
                var empty = connection.createStatement().executeQuery("SELECT NOT EXISTS (SELECT FROM place)")) {
            empty.next();
            if (empty.getBoolean(1)) {
                var summary = new SyntheticDataset(places, DEMO_SEED).loadInto(connection);
                System.out.printf("Loaded demo data: %,d organizations, %,d users, %,d places, %,d reviews in %.1f s;"
                        + " users sign in as user1.1 ... with password %s%n", summary.organizations(),
                        summary.users(), summary.places(), summary.reviews(), summary.took().toMillis() / 1000.0,
                        SyntheticDataset.DEMO_PASSWORD);
            }
        } catch (SQLException e) {
            throw new IOException("could not load the demo data", e);
        }
    }

    /** What the application reads through MicroProfile Config; trust authentication needs no passwords. */
    Map<String, String> connectionEnvironment() {
        return Map.of(
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE,
                "DATABASE_USER", APPLICATION_ROLE,
                "DATABASE_PASSWORD", "",
                "DATABASE_OWNER_USER", OWNER_ROLE,
                "DATABASE_OWNER_PASSWORD", "");
    }

    /**
     * A launcher that was killed (SIGKILL) leaves its PostgreSQL running on this data directory, and a new one
     * could not start there. Stops it with SIGINT, PostgreSQL's fast shutdown: sessions end, no recovery needed.
     */
    void stopLeftover() throws IOException {
        Optional<ProcessHandle> leftover = postmaster();
        if (leftover.isEmpty()) {
            return;
        }
        long pid = leftover.get().pid();
        System.out.println("Stopping PostgreSQL left running by an earlier launcher (pid " + pid + ")");
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            leftover.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL " + pid, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("PostgreSQL " + pid + " did not stop; stop it and start again", e);
        }
    }

    /** The live postmaster named in postmaster.pid, if any; a stale file alone is PostgreSQL's own business. */
    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres"))
                        .orElse(false));
    }

    /** Idempotent, so that every start can run it. */
    private void createOwnerAndDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(statement, "SELECT 1 FROM pg_roles WHERE rolname = '" + OWNER_ROLE + "'")) {
                statement.execute("CREATE ROLE " + OWNER_ROLE + " LOGIN CREATEROLE NOSUPERUSER");
            }
            // the backup job dumps as the owner: every table forces row-level security, and its restore check
            // creates a scratch database (README, Backups); also for data folders made before backups existed
            statement.execute("ALTER ROLE " + OWNER_ROLE + " BYPASSRLS CREATEDB");
            if (!exists(statement, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE);
            }
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (var rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }
}
