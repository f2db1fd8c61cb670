package dev.meridian.launcher.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The benchmark's table: each scenario's API and pgbench figures and their throughput ratio. */
final class Report {

    private Report() {
    }

    static void print(PrintStream out, int clients, Duration window, List<Scenario> scenarios,
            Map<String, Figures[]> results, Comparison metering, Scenario typeahead,
            Optional<Figures> typeaheadUncached) {
        out.printf("%nMeridian API (wrk) vs pgbench — %d clients, %d s measured per run after warm-up, loopback%n%n",
                clients, window.toSeconds());
        out.printf("%-28s %-8s %9s %8s %8s %8s %8s %7s %8s %8s  %s%n", "scenario", "side", "req/s", "p50 ms",
                "p95 ms", "p99 ms", "count", "errors", "srv cpu", "gen cpu", "target");
        for (var scenario : scenarios) {
            var figures = results.get(scenario.name());
            row(out, scenario.name(), "API", figures[0], scenario.target());
            row(out, "", "pgbench", figures[1], "");
            out.printf("%-28s %-8s %8.0f%%%n", "", "API/pg", 100 * figures[0].perSecond() / figures[1].perSecond());
        }
        out.printf("%nsrv cpu, gen cpu: CPU ms per request of the Payara server and of wrk; %s%n",
                "both share the machine's cores with PostgreSQL");
        if (!metering.with().isEmpty()) {
            printMetering(out, metering);
        }
        typeaheadUncached.ifPresent(uncached -> {
            out.printf("%n%s with the typeahead cache off (MERIDIAN_TYPEAHEAD_CACHE_SECONDS=0, every query read"
                    + " from the database):%n", typeahead.name());
            row(out, "", "API", uncached, typeahead.target());
        });
    }

    private static void printMetering(PrintStream out, Comparison metering) {
        out.printf("%nMetering on vs off (%s), in starts of their own, alternating:%n", metering.scenario().name());
        for (int pair = 0; pair < metering.with().size(); pair++) {
            var on = metering.with().get(pair);
            var off = metering.without().get(pair);
            out.printf("  pair %d: %.0f vs %.0f req/s, cost %.1f%%%n", pair + 1, on.perSecond(), off.perSecond(),
                    100 * Comparison.cost(on, off));
            row(out, "", "on", on, "");
            row(out, "", "off", off, "");
        }
        out.printf("  all pairs: cost %.1f%% (target ≤ 5%%)%n", 100 * metering.cost());
    }

    private static void row(PrintStream out, String name, String side, Figures figures, String target) {
        out.printf("%-28s %-8s %9.0f %8.2f %8.2f %8.2f %8d %7d %8s %8s  %s%n", name, side, figures.perSecond(),
                figures.p50(), figures.p95(), figures.p99(), figures.count(), figures.failures(),
                cpu(figures.serverCpuPerRequest()), cpu(figures.generatorCpuPerRequest()), target);
    }

    private static String cpu(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.2f", millis);
    }
}
