package dev.meridian.launcher.benchmark;

import java.util.List;

/**
 * One route measured with a setting and without it, in pairs of starts of their own: the i-th of each list
 * come from the i-th pair.
 */
record Comparison(Scenario scenario, List<Figures> with, List<Figures> without) {

    /** What the setting costs in throughput, over all pairs: 1 − (requests with) ÷ (requests without). */
    double cost() {
        return 1 - total(with) / total(without);
    }

    static double cost(Figures with, Figures without) {
        return 1 - with.perSecond() / without.perSecond();
    }

    private static double total(List<Figures> figures) {
        return figures.stream().mapToDouble(Figures::perSecond).sum();
    }
}
