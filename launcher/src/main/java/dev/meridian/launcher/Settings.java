package dev.meridian.launcher;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how Meridian runs. {@link Main} reads it from the environment; the end-to-end test builds its
 * own.
 *
 * @param dataDir
 *            everything a run keeps: the PostgreSQL data and the Payara domain
 * @param httpPort
 *            the HTTP port; the domain's other ports follow from it (port base = httpPort - 80)
 * @param databasePort
 *            the embedded PostgreSQL's port
 * @param payaraHome
 *            the unpacked Payara Server ({@code payara6})
 * @param ear
 *            the application to deploy
 * @param startTimeout
 *            how long to wait for {@code /health/ready}
 * @param environment
 *            what the server inherits; with {@code DATABASE_URL} in it no database is started
 */
public record Settings(Path dataDir, int httpPort, int databasePort, Path payaraHome, Path ear, Duration startTimeout,
        Map<String, String> environment) {

    public Settings {
        requireNonNull(dataDir, "dataDir");
        requireNonNull(payaraHome, "payaraHome");
        requireNonNull(ear, "ear");
        requireNonNull(startTimeout, "startTimeout");
        environment = Map.copyOf(environment);
        if (httpPort <= 80 || databasePort <= 0) {
            throw new IllegalArgumentException("HTTP port must be above 80, database port positive");
        }
        if (!Files.isExecutable(payaraHome.resolve("bin/asadmin"))) {
            throw new IllegalArgumentException("No Payara Server at " + payaraHome);
        }
        if (!Files.isRegularFile(ear)) {
            throw new IllegalArgumentException("No EAR at " + ear + "; build it with mvn package");
        }
    }

    /**
     * Reads the settings the way the run command passes them: variables from the environment, the EAR and the
     * Payara home as system properties set by the {@code run} profile.
     */
    public static Settings fromEnvironment(Map<String, String> env, Path workingDir) {
        return new Settings(
                Path.of(env.getOrDefault("MERIDIAN_DATA_DIR", workingDir.resolve(".meridian").toString()))
                        .toAbsolutePath(),
                Integer.parseInt(env.getOrDefault("MERIDIAN_HTTP_PORT", "8080")),
                Integer.parseInt(env.getOrDefault("MERIDIAN_DB_PORT", "5433")),
                Path.of(requiredProperty("meridian.payara.home")),
                Path.of(requiredProperty("meridian.ear")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("MERIDIAN_START_TIMEOUT_SECONDS", "300"))),
                env);
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; start Meridian with "
                    + "'mvn -Prun -DskipTests package' from the repository root");
        }
        return value;
    }

    /** An external database is used when the user configured one. */
    boolean embeddedDatabase() {
        String url = environment.get("DATABASE_URL");
        return url == null || url.isBlank();
    }

    /** How many places of synthetic demo data a first start loads into the embedded database; 0 loads none. */
    int demoPlaces() {
        return Integer.parseInt(environment.getOrDefault("MERIDIAN_DEMO_PLACES", "2000"));
    }

    Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    /**
     * The domain lives with the data, so that {@code mvn clean} keeps it and the test's domain stays separate.
     */
    Path domainsDir() {
        return dataDir.resolve("domains");
    }

    int portBase() {
        return httpPort - 80;
    }
}
