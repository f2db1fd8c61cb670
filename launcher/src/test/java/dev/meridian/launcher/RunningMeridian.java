package dev.meridian.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.JsonObject;

/**
 * The one Meridian every end-to-end test class shares: the real EAR on Payara Server with the embedded
 * PostgreSQL and its demo data, started exactly as the run command starts it but isolated from a developer's
 * instance (its own data and domain under target/e2e, ports from 18000). It starts on first use and stops
 * when the test JVM exits, so one Payara start serves every class; tests create the data they assert on under
 * names of their own.
 */
final class RunningMeridian {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "e2e-Admin-Passw0rd";
    /** The demo dataset's users' password (see the dataset module). */
    static final String DEMO_PASSWORD = "meridian-demo-password";

    private static RunningMeridian instance;

    private final MeridianRuntime runtime;
    private final ApiClient api;

    private RunningMeridian(MeridianRuntime runtime) {
        this.runtime = runtime;
        this.api = new ApiClient(runtime.baseUri());
    }

    /** The running instance, started by the first caller. */
    static synchronized RunningMeridian get() throws IOException, InterruptedException {
        if (instance == null) {
            Map<String, String> environment = new HashMap<>(System.getenv());
            // always the embedded database, whatever the developer's shell points at
            environment.keySet().removeIf(name -> name.startsWith("DATABASE_"));
            environment.put("MERIDIAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // responses say how many statements they sent, which a test asserts
            environment.put("MERIDIAN_SERVER_TIMING", "true");
            var port = Integer.parseInt(property("meridian.e2e.port"));
            // the browsers go to localhost; links handed out name the configured address instead
            environment.put("MERIDIAN_PUBLIC_URL", publicUri(port).toString());
            var settings = new Settings(directory(), port, freePort(),
                    Path.of(property("meridian.payara.home")), Path.of(property("meridian.ear")),
                    Duration.ofMinutes(5), environment);
            var runtime = new MeridianRuntime(settings);
            runtime.deleteData();
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::stop, "stop meridian"));
            runtime.start();
            instance = new RunningMeridian(runtime);
        }
        return instance;
    }

    MeridianRuntime runtime() {
        return runtime;
    }

    ApiClient api() {
        return api;
    }

    /** The slug of the demo dataset's organization {@code number}: the one whose slug ends in {@code -number}. */
    String demoTenant(String adminKey, int number) throws IOException, InterruptedException {
        return api.get("/api/v1/organizations?limit=100", ApiClient.bearer(adminKey)).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(organization -> organization.getString("slug"))
                .filter(slug -> slug.endsWith("-" + number))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo organization " + number));
    }

    URI uri(String path) {
        return runtime.baseUri().resolve(path);
    }

    /** The address the server is told users reach it at ({@code MERIDIAN_PUBLIC_URL}). */
    static URI publicUri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    URI publicUri(String path) {
        return publicUri(runtime.baseUri().getPort()).resolve(path);
    }

    /** The test's working folder: the server's data and domain, and the browser's profile. */
    static Path directory() {
        return Path.of(property("meridian.e2e.dir"));
    }

    static String property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isBlank(),
                "System property " + name + " (set by failsafe in launcher/pom.xml)");
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
