package dev.meridian.persistence.operations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.meridian.domain.audit.SecurityEvent;
import dev.meridian.domain.audit.SecurityEventKind;
import dev.meridian.domain.operations.JobRun;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Job runs (platform scope only), and the security event a job's final failure raises. Every write is its own
 * transaction, so a run's record commits whatever the job's transaction does: the start is visible while the
 * job runs, and a failure is recorded after its work was rolled back.
 */
@Stateless
@RowLevelSecured
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobRunRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public void started(JobRun run) {
        entityManager.persist(run);
    }

    /** Records how a run that did its work ended: succeeded or skipped, as the job answered. */
    public JobRun finished(JobRun run, JobResult result) {
        var stored = stored(run);
        if (result.skipped()) {
            stored.skipped(result.note().orElseThrow(), Instant.now());
        } else {
            stored.succeeded(result.rows(), result.note().orElse(null), Instant.now());
        }
        return stored;
    }

    /** Records a failure: on the started run, or as a run of its own when it failed before it could start. */
    public JobRun failed(JobRun run, String detail) {
        var stored = stored(run);
        stored.failed(detail, Instant.now());
        return stored;
    }

    /**
     * Records the last attempt's failure and, in the same transaction, raises a {@code job_failed} security event
     * (no tenant) naming the job, the run, the attempts and the error, for the operators' event list.
     */
    public JobRun gaveUp(JobRun run, String detail) {
        var stored = failed(run, detail);
        var event = Json.createObjectBuilder()
                .add("job", run.getJob())
                .add("runId", run.getId().toString())
                .add("attempts", run.getAttempt())
                .add("instance", run.getInstance())
                .add("error", stored.getDetail().orElse(detail))
                .build();
        entityManager.persist(new SecurityEvent(SecurityEventKind.JOB_FAILED, null, null, event.toString(),
                stored.getFinishedAt().orElseThrow()));
        return stored;
    }

    /** A job's latest runs, newest first. */
    public List<JobRun> latest(String job, int limit) {
        return entityManager.createQuery("SELECT r FROM JobRun r WHERE r.job = :job ORDER BY r.startedAt DESC",
                JobRun.class)
                .setParameter("job", job)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count(String job) {
        return entityManager.createQuery("SELECT count(r) FROM JobRun r WHERE r.job = :job", Long.class)
                .setParameter("job", job)
                .getSingleResult();
    }

    private JobRun stored(JobRun run) {
        UUID id = run.getId();
        var stored = entityManager.find(JobRun.class, id);
        if (stored == null) {
            entityManager.persist(run);
            return run;
        }
        return stored;
    }
}
