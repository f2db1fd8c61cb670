package dev.meridian.admin.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToLongFunction;

import dev.meridian.persistence.dashboard.Dashboard.Day;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Chart.js configurations of daily metrics, as the JSON that {@code p:chart} takes: one label per day, one
 * dataset per series, counts from zero, no animation (a chart is read, not watched).
 */
final class DailyCharts {

    /** One line or bar of a chart: its legend, the metric it plots, its colour. */
    record Series(String label, ToLongFunction<Day> metric, String colour) {
    }

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM d");

    private DailyCharts() {
    }

    static String line(List<Day> days, Series... series) {
        return chart("line", days, series);
    }

    static String bar(List<Day> days, Series... series) {
        return chart("bar", days, series);
    }

    private static String chart(String type, List<Day> days, Series... series) {
        var labels = Json.createArrayBuilder();
        days.forEach(day -> labels.add(LABEL.format(day.day())));
        var datasets = Json.createArrayBuilder();
        for (var one : series) {
            var values = Json.createArrayBuilder();
            days.forEach(day -> values.add(one.metric().applyAsLong(day)));
            datasets.add(Json.createObjectBuilder()
                    .add("label", one.label())
                    .add("data", values)
                    .add("borderColor", one.colour())
                    .add("backgroundColor", one.colour())
                    .add("tension", 0.2));
        }
        return Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options())
                .build()
                .toString();
    }

    private static JsonObject options() {
        return Json.createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add("scales", Json.createObjectBuilder()
                        .add("y", Json.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0))))
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom")))
                .build();
    }
}
