package dev.meridian.launcher.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.meridian.dataset.SyntheticDataset;
import dev.meridian.launcher.MeridianRuntime;
import dev.meridian.launcher.Settings;

/**
 * The API benchmark ({@code mvn -Pbenchmark -DskipTests package}, see README): starts Meridian on Payara
 * Server against {@code DATABASE_URL} (a database with the large dataset), then for each {@link Scenarios
 * scenario} measures the API with concurrent clients and pgbench with the same clients running the same SQL
 * as the application role, and prints both and their ratio. Then it measures one route in pairs of starts
 * with metering on and off, to show what metering costs, and the typeahead in a start with its cache off.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        var url = required(env, "DATABASE_URL");
        var clients = Integer.parseInt(env.getOrDefault("BENCHMARK_CLIENTS", "8"));
        var warmUp = Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCHMARK_WARMUP_SECONDS", "10")));
        var warmUpMinRounds = Integer.parseInt(env.getOrDefault("BENCHMARK_WARMUP_MIN_ROUNDS", "15"));
        var warmUpRounds = Integer.parseInt(env.getOrDefault("BENCHMARK_WARMUP_ROUNDS", "24"));
        var wrk = Path.of(env.getOrDefault("BENCHMARK_WRK", "wrk"));
        var window = Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCHMARK_SECONDS", "20")));
        var meteringPairs = Integer.parseInt(env.getOrDefault("BENCHMARK_METERING_PAIRS", "2"));
        var measured = env.getOrDefault("BENCHMARK_SCENARIOS", "abcd");
        var superuser = env.getOrDefault("DATASET_USER", "postgres");
        var superuserPassword = env.getOrDefault("DATASET_PASSWORD", "");
        var work = Path.of(System.getProperty("meridian.benchmark.dir", "target/benchmark")).toAbsolutePath();

        System.out.println("Picking fixtures from " + url + " ...");
        var fixtures = Fixtures.load(url, superuser, superuserPassword);
        unlimited(url, superuser, superuserPassword, fixtures);
        vacuumUsageLog(url, superuser, superuserPassword);
        var scenarios = Scenarios.of(fixtures);
        // a part of the run, for a quicker look at one route: the warm-up stays on all routes
        var chosen = scenarios.stream().filter(scenario -> measured.indexOf(scenario.letter()) >= 0).toList();
        var database = URI.create(url.substring("jdbc:".length()));
        var pgbench = new Pgbench(Path.of(env.getOrDefault("BENCHMARK_PGBENCH", "pgbench")),
                new Pgbench.Connection(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort(),
                        database.getPath().substring(1), env.getOrDefault("DATABASE_USER", "meridian_app"),
                        env.get("DATABASE_PASSWORD")),
                work.resolve("pgbench"), clients);

        var loads = new HttpLoad.Settings(wrk, work.resolve("wrk"), clients, warmUp, warmUpMinRounds,
                warmUpRounds, window);

        var results = new LinkedHashMap<String, Figures[]>();
        try (var meridian = Started.with(work, env, Map.of(), "all routes")) {
            var load = meridian.load(loads, fixtures.username());
            warmUp(load, meridian, scenarios, "all-routes");
            for (var scenario : chosen) {
                System.out.println("Measuring " + scenario.name() + " ...");
                var api = load.run(fileName(scenario), meridian.uris(scenario.paths()));
                var sql = pgbench.run(fileName(scenario), scenario.scripts(), warmUp, window);
                results.put(scenario.name(), new Figures[]{api, sql});
            }
        }
        var alone = new Alone(work, env, loads, fixtures.username(), scenarios);
        // A start's throughput moves by 10% or more from one start to the next: metering's cost is measured over
        // starts of their own, alternating on and off, each measuring one route after the same warm-up
        var metered = scenarios.get(1);
        var metering = new Comparison(metered, new ArrayList<>(), new ArrayList<>());
        for (int pair = 1; pair <= meteringPairs && chosen.contains(metered); pair++) {
            metering.with().add(alone.measure(metered, Map.of(), "metering on, pair " + pair));
            metering.without().add(alone.measure(metered, Map.of("MERIDIAN_METERING_ENABLED", "false"),
                    "metering off, pair " + pair));
        }
        // the typeahead answers from memory once warm: what it costs when every query goes to the database
        var typeahead = scenarios.get(3);
        var uncached = chosen.contains(typeahead)
                ? Optional.of(alone.measure(typeahead, Map.of("MERIDIAN_TYPEAHEAD_CACHE_SECONDS", "0"),
                        "typeahead cache off"))
                : Optional.<Figures>empty();
        Report.print(System.out, clients, window, chosen, results, metering, typeahead, uncached);
    }

    /**
     * The benchmark measures speed, not quotas: the benchmark organization's plan gets no limits for the run (the
     * same UPDATE an operator would make; the dataset is scratch data).
     */
    private static void unlimited(String url, String user, String password, Fixtures fixtures) throws SQLException {
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.prepareStatement(Scenarios.UNLIMITED_PLAN)) {
            statement.setObject(1, fixtures.organizationId());
            statement.executeUpdate();
        }
    }

    private static void warmUp(HttpLoad load, Started meridian, List<Scenario> scenarios, String name)
            throws IOException, InterruptedException {
        System.out.println("Warming up on all routes ...");
        load.warmUp(name, meridian.uris(scenarios.stream().flatMap(scenario -> scenario.paths().stream()).toList()));
    }

    /**
     * Each run adds about a million rows to the usage log. Where autovacuum is off, as on the development
     * machine, nothing else would vacuum them, and the jobs that read the log every minute (quota refresh, health
     * snapshot) would fetch every row from the heap: the benchmark does what autovacuum would have done.
     */
    private static void vacuumUsageLog(String url, String user, String password) throws SQLException {
        System.out.println("Vacuuming the usage log ...");
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) usage_log");
        }
    }

    private static String fileName(Scenario scenario) {
        return scenario.name().replaceAll("\\W+", "-");
    }

    private static String required(Map<String, String> env, String name) {
        var value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must name the benchmark database (see README, Benchmark)");
        }
        return value;
    }

    /** One route measured in a start of its own, after a warm-up on all routes, with these settings. */
    private record Alone(Path work, Map<String, String> env, HttpLoad.Settings loads, String username,
            List<Scenario> scenarios) {

        Figures measure(Scenario scenario, Map<String, String> settings, String label)
                throws IOException, InterruptedException {
            try (var meridian = Started.with(work, env, settings, label)) {
                var load = meridian.load(loads, username);
                var name = fileName(scenario) + "-" + label.replaceAll("\\W+", "-");
                warmUp(load, meridian, scenarios, "all-routes-" + name);
                System.out.println("Measuring " + scenario.name() + " (" + label + ") ...");
                return load.run(name, meridian.uris(scenario.paths()));
            }
        }
    }

    /** Meridian started for a part of the run, stopped when the part ends. */
    private static final class Started implements AutoCloseable {

        private final MeridianRuntime runtime;
        private final ProcessCpu cpu;
        private final HttpClient http = HttpClient.newHttpClient();

        private Started(MeridianRuntime runtime, ProcessCpu cpu) {
            this.runtime = runtime;
            this.cpu = cpu;
        }

        /** Meridian with the environment, metering on, and these settings over it, named for the output. */
        static Started with(Path work, Map<String, String> env, Map<String, String> settings, String label)
                throws IOException, InterruptedException {
            Map<String, String> environment = new HashMap<>(env);
            environment.put("MERIDIAN_METERING_ENABLED", "true");
            environment.putAll(settings);
            environment.putIfAbsent("MERIDIAN_DATA_DIR", work.resolve("meridian").toString());
            // refreshing the read models of a million places takes half a minute of both cores: not in a window
            environment.putIfAbsent("MERIDIAN_JOB_REFRESH_READ_MODELS_SCHEDULE", "off");
            var runtime = new MeridianRuntime(Settings.fromEnvironment(environment, work));
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::stop, "stop meridian"));
            System.out.println("Starting Meridian (" + label + ") ...");
            runtime.start();
            // the Payara domain writes its process id beside its configuration
            return new Started(runtime, ProcessCpu.ofPidFile(Path.of(environment.get("MERIDIAN_DATA_DIR"), "domains",
                    "meridian", "config", "pid")));
        }

        /** Load on this server, as the user with a new API key, whose CPU time it reads around its windows. */
        HttpLoad load(HttpLoad.Settings settings, String username) throws IOException, InterruptedException {
            return new HttpLoad(settings, bearer(username), cpu);
        }

        /** A new API key for the user, signing in with the dataset's demo password. */
        private String bearer(String username) throws IOException, InterruptedException {
            var basic = Base64.getEncoder().encodeToString(
                    (username + ":" + SyntheticDataset.DEMO_PASSWORD)
                            .getBytes(StandardCharsets.UTF_8));
            var response = http.send(HttpRequest.newBuilder(runtime.baseUri().resolve("api/v1/keys"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}")).build(),
                    BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("could not get an API key: " + response.body());
            }
            var key = response.body().replaceAll("(?s).*\"key\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            return "Bearer " + key;
        }

        List<URI> uris(List<String> paths) {
            var uris = new ArrayList<URI>();
            paths.forEach(path -> uris.add(runtime.baseUri().resolve(path)));
            return uris;
        }

        @Override
        public void close() {
            runtime.stop();
        }
    }
}
