package dev.meridian.persistence.operations;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.meridian.domain.operations.JobRun;
import dev.meridian.persistence.notifications.DispatchNotifications;
import dev.meridian.persistence.context.ActingContext;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/**
 * Runs a named job once across the cluster, as the system (platform scope, no user), and records the run. The
 * job works in its own transaction under its lease; the record is written in transactions of its own, so a
 * failed job still leaves a failed run with what went wrong. A failure is never thrown at the timer: it is
 * retried on this instance by a single-action timer with exponential backoff ({@link RetryPolicy}), each
 * attempt a run of its own, and the last attempt's failure is logged SEVERE and raised as a
 * {@code job_failed} security event. The next schedule runs as usual either way.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();
    private static final Map<String, Job> JOBS = Stream
            .of(new RefreshReadModels(), new MaintainPartitions(), new SnapshotRowCounts(), new RollUpUsage(),
                    new SnapshotHealth(), new TakeBackup(), new DispatchNotifications())
            .collect(Collectors.toUnmodifiableMap(Job::name, Function.identity()));

    @Inject
    ActingContext context;

    @Inject
    LeasedExecution leased;

    @Inject
    JobRunRepository runs;

    @Resource
    TimerService timers;

    /** The names of the jobs there are. */
    public static Set<String> jobs() {
        return JOBS.keySet();
    }

    /**
     * Runs the job if this instance wins its lease; a failure is retried later.
     *
     * @return the finished run (its first attempt), or nothing when another instance (or transaction) is running
     *         it
     * @throws IllegalArgumentException
     *             for a job there is not
     */
    // timer callbacks may come without an active request context, and the acting context lives in one
    @ActivateRequestContext
    public Optional<JobRun> run(String name) {
        return run(Optional.ofNullable(JOBS.get(name))
                .orElseThrow(() -> new IllegalArgumentException("no job " + name + "; jobs are " + jobs())));
    }

    /** Runs a job of the caller's own, as {@link #run(String)} runs the scheduled ones, retries included. */
    @ActivateRequestContext
    public Optional<JobRun> run(Job job) {
        return attempt(job, 1);
    }

    /** A retry's timer: the next attempt of a job whose previous attempt failed on this instance. */
    @Timeout
    void retry(Timer timer) {
        // the container keeps a request context active for timeout callbacks, so the acting context is there
        var retry = (Retry) timer.getInfo();
        attempt(retry.job(), retry.attempt());
    }

    private Optional<JobRun> attempt(Job job, int attempt) {
        return context.asSystem(() -> runLeased(job, attempt));
    }

    private Optional<JobRun> runLeased(Job job, int attempt) {
        var run = new JobRun(job.name(), attempt, INSTANCE, Instant.now());
        try {
            var result = leased.run(job, run);
            if (result.isEmpty()) {
                LOG.fine(() -> "MERIDIAN-JOB " + job.name() + " is running elsewhere: lease taken");
                return Optional.empty();
            }
            var finished = runs.finished(run, result.get());
            LOG.info(() -> "MERIDIAN-JOB " + job.name() + " " + finished.getOutcome().code() + ": "
                    + finished.getRowsAffected().orElse(0) + " rows in "
                    + (finished.getFinishedAt().orElseThrow().toEpochMilli() - run.getStartedAt().toEpochMilli())
                    + " ms" + finished.getDetail().map(note -> "; " + note).orElse(""));
            return Optional.of(finished);
        } catch (RuntimeException e) {
            return failed(job, run, e);
        }
    }

    private Optional<JobRun> failed(Job job, JobRun run, RuntimeException failure) {
        var detail = describe(failure);
        var policy = RetryPolicy.fromConfig(ConfigProvider.getConfig(JobRunner.class.getClassLoader()));
        var delay = policy.delayAfter(run.getAttempt());
        var attempts = " (attempt " + run.getAttempt() + " of " + policy.maxAttempts() + ")";
        try {
            if (delay.isPresent()) {
                // scheduled before the failure is recorded: a database that is down must not also stop the retry
                timers.createSingleActionTimer(delay.get().toMillis(),
                        new TimerConfig(new Retry(job, run.getAttempt() + 1), false));
                LOG.log(Level.WARNING, "MERIDIAN-JOB " + job.name() + " failed" + attempts + ", retrying in "
                        + delay.get().toSeconds() + " s: " + detail, failure);
                return Optional.of(runs.failed(run, detail));
            }
            LOG.log(Level.SEVERE, "MERIDIAN-JOB " + job.name() + " failed" + attempts + ", giving up until its next"
                    + " schedule: " + detail, failure);
            return Optional.of(runs.gaveUp(run, detail));
        } catch (RuntimeException recording) {
            LOG.log(Level.SEVERE, "MERIDIAN-JOB " + job.name() + " failed" + attempts
                    + " and its run could not be recorded: " + detail, recording);
            return Optional.empty();
        }
    }

    /** What went wrong, in words: each distinct cause's type and message, outermost first, no stack trace. */
    static String describe(Throwable failure) {
        var causes = new LinkedHashSet<String>();
        var seen = new ArrayList<Throwable>();
        for (Throwable cause = failure; cause != null && !seen.contains(cause); cause = cause.getCause()) {
            seen.add(cause);
            // the container's wrappers say nothing of their own
            if (!(cause instanceof EJBException) || cause.getCause() == null) {
                causes.add(cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage().strip()));
            }
        }
        return String.join(" <- ", causes);
    }

    /**
     * A retry timer's information. The timer is not persistent, so the container keeps it in memory and never
     * serializes the job; Serializable only because timer information must be.
     */
    record Retry(Job job, int attempt) implements Serializable {
    }
}
