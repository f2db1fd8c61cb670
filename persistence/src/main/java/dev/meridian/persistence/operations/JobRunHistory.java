package dev.meridian.persistence.operations;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.meridian.domain.operations.JobOutcome;
import dev.meridian.domain.operations.JobRun;
import dev.meridian.persistence.context.ActingContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The jobs as platform admins see and run them from the portal: every recorded run, and "run now", which runs
 * a job exactly as its schedule does (once across the cluster, under its lease, recorded).
 */
@Stateless
// the runner works in transactions of its own
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobRunHistory {

    @Inject
    JobRunHistoryRepository runs;

    @Inject
    JobRunner runner;

    @Inject
    DatabaseStatistics statistics;

    @Inject
    ActingContext context;

    /** The names of the jobs there are, sorted. */
    public List<String> jobs() {
        return JobRunner.jobs().stream().sorted().toList();
    }

    /** The outcomes a run can have, as stored. */
    public List<String> outcomes() {
        return Arrays.stream(JobOutcome.values()).map(JobOutcome::code).toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<JobRunRow> page(String job, String outcome, int first, int size, String sortBy, boolean ascending) {
        return context.onPlatform(() -> runs.page(job, outcome, first, size, sortBy, ascending));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public long count(String job, String outcome) {
        return context.onPlatform(() -> runs.count(job, outcome));
    }

    /**
     * Runs a job now, for a platform admin.
     *
     * @return the finished run, or nothing when it is running elsewhere at this moment
     */
    public Optional<JobRun> runNow(String job) {
        return context.onPlatform(() -> runner.run(job));
    }

    /** The read models and the last refresh run. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ReadModels readModels() {
        return context.onPlatform(() -> new ReadModels(statistics.readModels(),
                runs.latest(RefreshReadModels.NAME).orElse(null)));
    }

    /** Refreshes the read models now, through the job (so the refresh is recorded as a run). */
    public Optional<JobRun> refreshReadModels() {
        return runNow(RefreshReadModels.NAME);
    }

    /** The read models, and the latest run of the job that refreshes them (none before its first run). */
    public record ReadModels(List<DatabaseReport.ReadModel> views, JobRunRow lastRefresh)
            implements
                Serializable {
    }
}
