package dev.meridian.persistence.operations;

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

import dev.meridian.domain.operations.JobRun;
import dev.meridian.persistence.notifications.DispatchNotifications;
import dev.meridian.persistence.context.ActingContext;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/**
 * Runs a named job once across the cluster, as the system (platform scope, no user), and records the run. The
 * job works in its own transaction under its lease; the record is written in transactions of its own, so a
 * failed job still leaves a failed run with what went wrong. A failure is logged and recorded, never thrown
 * at the timer: the next schedule runs as usual.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();
    private static final Map<String, Job> JOBS = Stream
            .of(new RefreshReadModels(), new MaintainPartitions(), new SnapshotRowCounts(),
                    new DispatchNotifications())
            .collect(Collectors.toUnmodifiableMap(Job::name, Function.identity()));

    @Inject
    ActingContext context;

    @Inject
    LeasedExecution leased;

    @Inject
    JobRunRepository runs;

    /** The names of the jobs there are. */
    public static Set<String> jobs() {
        return JOBS.keySet();
    }

    /**
     * Runs the job if this instance wins its lease.
     *
     * @return the finished run, or nothing when another instance (or transaction) is running it
     * @throws IllegalArgumentException
     *             for a job there is not
     */
    // timer callbacks may come without an active request context, and the acting context lives in one
    @ActivateRequestContext
    public Optional<JobRun> run(String name) {
        return run(Optional.ofNullable(JOBS.get(name))
                .orElseThrow(() -> new IllegalArgumentException("no job " + name + "; jobs are " + jobs())));
    }

    /** Runs a job of the caller's own, as {@link #run(String)} runs the scheduled ones. */
    @ActivateRequestContext
    public Optional<JobRun> run(Job job) {
        return context.asSystem(() -> runLeased(job));
    }

    private Optional<JobRun> runLeased(Job job) {
        var run = new JobRun(job.name(), 1, INSTANCE, Instant.now());
        try {
            var rows = leased.run(job, run);
            if (rows.isEmpty()) {
                LOG.fine(() -> "MERIDIAN-JOB " + job.name() + " is running elsewhere: lease taken");
                return Optional.empty();
            }
            var finished = runs.succeeded(run, rows.getAsLong());
            LOG.info(() -> "MERIDIAN-JOB " + job.name() + " succeeded: " + rows.getAsLong() + " rows in "
                    + (finished.getFinishedAt().orElseThrow().toEpochMilli() - run.getStartedAt().toEpochMilli())
                    + " ms");
            return Optional.of(finished);
        } catch (RuntimeException e) {
            var detail = describe(e);
            LOG.log(Level.SEVERE, "MERIDIAN-JOB " + job.name() + " failed: " + detail, e);
            try {
                return Optional.of(runs.failed(run, detail));
            } catch (RuntimeException recording) {
                LOG.log(Level.SEVERE, "MERIDIAN-JOB " + job.name() + " failed and its run could not be recorded",
                        recording);
                return Optional.empty();
            }
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
}
