package dev.meridian.admin.operations;

import java.io.Serializable;

import dev.meridian.admin.display.Feedback;
import dev.meridian.persistence.operations.DatabaseReport;
import dev.meridian.persistence.operations.DatabaseStatistics;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The database page: one snapshot of PostgreSQL's statistics per view, taken again on "refresh". */
@Named
@ViewScoped
public class DatabaseBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DatabaseStatistics statistics;

    private DatabaseReport report;

    @PostConstruct
    public void refresh() {
        report = Feedback.attempt(statistics::report, null);
    }

    public DatabaseReport getReport() {
        return report;
    }

    /** The cache hit ratio as a percentage, or a dash before any block was read. */
    public String getCacheHitPercent() {
        return report == null || report.cacheHitRatio() == null
                ? "–"
                : String.format("%.2f %%", report.cacheHitRatio() * 100);
    }

    public int getLongRunningSeconds() {
        return DatabaseStatistics.LONG_RUNNING_SECONDS;
    }

    public long getUnusedIndexes() {
        return report == null ? 0 : report.indexes().stream().filter(DatabaseReport.IndexUsage::isUnused).count();
    }
}
