package dev.meridian.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A running Meridian: the embedded PostgreSQL (unless an external database is configured), the Payara domain
 * and the deployed EAR. The run command and the end-to-end test start and stop it the same way.
 */
public final class MeridianRuntime {

    private static final int LOG_TAIL_LINES = 40;

    private final Settings settings;
    private final EmbeddedDatabase database;
    private final PayaraDomain domain;
    private volatile boolean stopping;
    private Optional<String> bootstrapMessage = Optional.empty();

    public MeridianRuntime(Settings settings) {
        this.settings = settings;
        this.database = settings.embeddedDatabase()
                ? new EmbeddedDatabase(settings.postgresDir(), settings.databasePort())
                : null;
        Map<String, String> serverEnvironment = new HashMap<>(settings.environment());
        if (database != null) {
            serverEnvironment.putAll(database.connectionEnvironment());
        }
        this.domain = new PayaraDomain(settings.payaraHome(), settings.domainsDir(), settings.portBase(),
                serverEnvironment);
    }

    /**
     * Starts everything and waits until {@code /health/ready} answers 200. On failure prints the end of
     * server.log, stops what was started and throws.
     */
    public void start() throws IOException, InterruptedException {
        try {
            domain.stopLeftover();
            // PostgreSQL starts while the domain is created and started: only the deployment needs it
            CompletableFuture<Void> databaseStarted = database == null
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> {
                        try {
                            database.start();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            domain.createIfMissing();
            ServerLog log = ServerLog.fromCurrentEnd(domain.serverLog());
            domain.start();
            awaitDatabase(databaseStarted);
            try {
                domain.deploy(settings.ear());
                if (!new Readiness(baseUri()).await(settings.startTimeout(), () -> stopping)) {
                    throw new IOException(stopping
                            ? "Stopped while starting"
                            : "Not ready after " + settings.startTimeout().toSeconds() + " s");
                }
            } catch (IOException e) {
                if (!stopping) {
                    System.err.println("Last lines of " + domain.serverLog() + ":");
                    log.tail(LOG_TAIL_LINES).forEach(System.err::println);
                }
                throw e;
            }
            bootstrapMessage = log.bootstrapMessage();
            if (database != null) {
                database.loadDemoIfEmpty(settings.demoPlaces());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops the domain, then PostgreSQL. Safe to call more than once and from a shutdown hook. */
    public synchronized void stop() {
        stopping = true;
        try {
            domain.stop();
        } catch (IOException e) {
            System.err.println(e.getMessage());
        }
        if (database != null) {
            try {
                database.stop();
            } catch (IOException e) {
                System.err.println(e.getMessage());
            }
        }
    }

    /**
     * Stops what an earlier, killed run left running on this data, then deletes the data: the next start is a
     * first one.
     */
    public void deleteData() throws IOException {
        domain.stopLeftover();
        if (database != null) {
            database.stopLeftover();
        }
        FileTrees.delete(settings.dataDir());
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + settings.httpPort() + "/");
    }

    /** The platform admin's initial credentials, logged by the application on its very first start only. */
    public Optional<String> bootstrapMessage() {
        return bootstrapMessage;
    }

    /** Stops the embedded PostgreSQL while the server keeps running, e.g. to see readiness go down. */
    public void stopDatabase() throws IOException {
        embedded().stop();
    }

    /** Starts the embedded PostgreSQL again, on the same port and data. */
    public void startDatabase() throws IOException {
        embedded().start();
    }

    private EmbeddedDatabase embedded() {
        if (database == null) {
            throw new IllegalStateException("DATABASE_URL is set: no embedded database to control");
        }
        return database;
    }

    private static void awaitDatabase(CompletableFuture<Void> started) throws IOException {
        try {
            started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException failure) {
                throw failure.getCause();
            }
            throw e;
        }
    }
}
