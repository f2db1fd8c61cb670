package dev.meridian.persistence.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.operations.SystemHealthSnapshot;
import dev.meridian.persistence.context.RowLevelSecured;
import dev.meridian.persistence.dashboard.Dashboard.DatabaseStatus;
import dev.meridian.persistence.dashboard.Dashboard.Day;
import dev.meridian.persistence.dashboard.Dashboard.LatestHealth;
import dev.meridian.persistence.dashboard.Dashboard.Today;
import dev.meridian.persistence.paging.Columns;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * The dashboard's queries, one statement each; row-level security decides which tenants they sum over.
 */
@Stateless
@RowLevelSecured
public class DashboardRepository {

    /**
     * Today's requests and errors in one pass over the usage log (the BRIN index on {@code occurred_at} finds
     * today's blocks); active users are the union of API callers and portal sign-ins. Notifications are private
     * to their user, so their tenant-wide count comes from a function that counts and shows nothing else. Each
     * {@code {x}} is where a platform admin's look at one organization narrows table {@code x} to it.
     */
    private static final String TODAY = """
            SELECT requests, errors,
                   (SELECT count(*) FROM (SELECT u.user_id FROM usage_log u
                                          WHERE u.occurred_at >= ?2 AND u.user_id IS NOT NULL {u}
                                          UNION
                                          SELECT a.id FROM app_user a WHERE a.last_login_at >= ?2 {a}) active),
                   {queue}
            FROM (SELECT count(*) AS requests, count(*) FILTER (WHERE l.status >= 400) AS errors
                  FROM usage_log l WHERE l.occurred_at >= ?1 {l}) today""";

    /** Every day of the range, summed over the tenants in reach, zeros where no metrics were rolled up. */
    private static final String DAYS = """
            SELECT d.day::date, coalesce(sum(m.requests), 0), coalesce(sum(m.errors), 0),
                   coalesce(sum(m.active_users), 0), coalesce(sum(m.new_users), 0), coalesce(sum(m.reviews), 0),
                   coalesce(sum(m.notifications), 0)
            FROM generate_series(?1::date, ?2::date, interval '1 day') AS d(day)
            LEFT JOIN daily_metrics m ON m.day = d.day::date {m}
            GROUP BY d.day ORDER BY d.day""";

    /** Platform scope sees every queue: one organization's is counted directly. */
    private static final String QUEUE_OF_ONE = "(SELECT count(*) FROM notification n WHERE n.status = 'pending'"
            + " AND n.organization_id = ?3)";

    private static final String DATABASE = """
            SELECT (SELECT version FROM flyway_schema_history
                    WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1),
                   pg_database_size(current_database()), pg_size_pretty(pg_database_size(current_database())),
                   (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()),
                   current_setting('max_connections')::bigint""";

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    /**
     * The activity since {@code dayStart}, and the users active in the 24 hours before {@code now}: of every
     * tenant in reach, or of {@code organization} alone (in platform scope) when it is given.
     */
    public Today today(Instant dayStart, Instant now, Optional<UUID> organization) {
        var sql = narrowed(TODAY, organization, "u", "a", "l")
                .replace("{queue}", organization.isPresent() ? QUEUE_OF_ONE : "meridian_notification_queue_depth()");
        var row = (Object[]) withOrganization(entityManager.createNativeQuery(sql), organization)
                .setParameter(1, Timestamp.from(dayStart))
                .setParameter(2, Timestamp.from(now.minusSeconds(24 * 60 * 60)))
                .getSingleResult();
        return new Today(dayStart, now, Columns.number(row[0]), Columns.number(row[1]), Columns.number(row[2]),
                Columns.number(row[3]));
    }

    /** The daily metrics of each day from {@code first} to {@code last}, both included, as {@link #today}. */
    @SuppressWarnings("unchecked")
    public List<Day> days(LocalDate first, LocalDate last, Optional<UUID> organization) {
        List<Object[]> rows = withOrganization(entityManager.createNativeQuery(narrowed(DAYS, organization, "m")),
                organization)
                .setParameter(1, java.sql.Date.valueOf(first))
                .setParameter(2, java.sql.Date.valueOf(last))
                .getResultList();
        return rows.stream()
                .map(row -> new Day(date(row[0]), Columns.number(row[1]), Columns.number(row[2]),
                        Columns.number(row[3]), Columns.number(row[4]), Columns.number(row[5]),
                        Columns.number(row[6])))
                .toList();
    }

    private static String narrowed(String sql, Optional<UUID> organization, String... tables) {
        for (var table : tables) {
            sql = sql.replace("{" + table + "}",
                    organization.isPresent() ? "AND " + table + ".organization_id = ?3" : "");
        }
        return sql;
    }

    private static Query withOrganization(Query query, Optional<UUID> organization) {
        return organization.map(id -> query.setParameter(3, id)).orElse(query);
    }

    /** The database's version, size and connections: catalog figures, readable in any scope. */
    public DatabaseStatus database() {
        var row = (Object[]) entityManager.createNativeQuery(DATABASE).getSingleResult();
        return new DatabaseStatus(Columns.text(row[0]), Columns.number(row[1]), Columns.text(row[2]),
                Columns.number(row[3]), Columns.number(row[4]));
    }

    /** The newest health snapshot; snapshots are visible in platform scope only. */
    public Optional<LatestHealth> latestHealth() {
        return entityManager
                .createQuery("SELECT s FROM SystemHealthSnapshot s ORDER BY s.takenAt DESC", SystemHealthSnapshot.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(snapshot -> new LatestHealth(snapshot.getTakenAt(), snapshot.getStatus().name(),
                        snapshot.getCpuLoad().isPresent() ? snapshot.getCpuLoad().getAsDouble() : null,
                        snapshot.getHeapUsedBytes(), snapshot.getHeapMaxBytes(), snapshot.getDiskFreeBytes(),
                        snapshot.getPoolInUse(), snapshot.getDbConnections(), snapshot.getNotificationQueueDepth(),
                        snapshot.getResponseTimes().map(times -> times.p95Ms()).orElse(null)));
    }

    // the driver answers a date column as java.sql.Date
    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
