package dev.meridian.persistence.operations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.meridian.domain.operations.JobRun;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Job runs (platform scope only). Every write is its own transaction, so a run's record commits whatever the
 * job's transaction does: the start is visible while the job runs, and a failure is recorded after its work
 * was rolled back.
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

    public JobRun succeeded(JobRun run, long rows) {
        var stored = stored(run);
        stored.succeeded(rows, Instant.now());
        return stored;
    }

    /** Records a failure: on the started run, or as a run of its own when it failed before it could start. */
    public JobRun failed(JobRun run, String detail) {
        var stored = stored(run);
        stored.failed(detail, Instant.now());
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
