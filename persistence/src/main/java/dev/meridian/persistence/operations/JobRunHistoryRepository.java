package dev.meridian.persistence.operations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.meridian.persistence.context.RowLevelSecured;
import dev.meridian.persistence.paging.Columns;
import dev.meridian.persistence.paging.Conditions;
import dev.meridian.persistence.paging.Counting;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Job runs (platform scope only, by their policy), filtered by job and outcome, sorted and paged in
 * PostgreSQL.
 */
@Stateless
@RowLevelSecured
public class JobRunHistoryRepository {

    private static final String COLUMNS = "SELECT id, job, attempt, instance, started_at, finished_at, outcome,"
            + " rows_affected, detail FROM job_run";
    private static final Map<String, String> SORTS = Map.of("job", "job", "startedAt", "started_at", "finishedAt",
            "finished_at", "outcome", "outcome", "rowsAffected", "rows_affected", "instance", "instance");

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public List<JobRunRow> page(String job, String outcome, int first, int size, String sortBy, boolean ascending) {
        var conditions = conditions(job, outcome);
        List<?> rows = conditions.bind(entityManager.createNativeQuery(COLUMNS + conditions.where() + " ORDER BY "
                + SORTS.getOrDefault(sortBy, "started_at") + (ascending ? " ASC" : " DESC") + ", id"))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Columns.pageSize(size))
                .getResultList();
        return rows.stream().map(row -> row((Object[]) row)).toList();
    }

    public long count(String job, String outcome) {
        return Counting.count(entityManager, "job_run", conditions(job, outcome), "public.job_run", true);
    }

    /** A job's latest run, if it ever ran. */
    public Optional<JobRunRow> latest(String job) {
        List<?> rows = entityManager.createNativeQuery(COLUMNS + " WHERE job = ?1 ORDER BY started_at DESC LIMIT 1")
                .setParameter(1, job)
                .getResultList();
        return rows.stream().findFirst().map(row -> row((Object[]) row));
    }

    private static Conditions conditions(String job, String outcome) {
        return new Conditions().add("job = ?", job).add("outcome = ?", outcome);
    }

    private static JobRunRow row(Object[] columns) {
        return new JobRunRow(Columns.uuid(columns[0]), Columns.text(columns[1]), ((Number) columns[2]).intValue(),
                Columns.text(columns[3]), Columns.instant(columns[4]), Columns.instant(columns[5]),
                Columns.text(columns[6]), Columns.number(columns[7]), Columns.text(columns[8]));
    }
}
