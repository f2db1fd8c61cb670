package dev.meridian.persistence.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.meridian.domain.tenancy.Plan;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * The usage log, over plain JDBC on the transaction's own connection (the one the row-level security context
 * was set on): it is no entity, rows are appended in batches and read only as counts. A request refused by a
 * quota (429) is logged but is not a call: counts leave it out.
 */
@Stateless
@RowLevelSecured
public class UsageRepository {

    /**
     * An organization's plan limits and its calls of the month so far, as the database has them: the settled part
     * and those logged after it.
     */
    public record Loaded(PlanLimits limits, SettledCalls settled, long laterCalls) {
    }

    /** An organization's calls on one UTC day. */
    public record DayCalls(LocalDate day, long calls) {
    }

    // one statement and one round trip per batch, however many rows: the columns travel as arrays
    private static final String APPEND = """
            INSERT INTO usage_log (occurred_at, organization_id, api_key_id, user_id, method, route, status,
                                   duration_ms, request_bytes)
            SELECT * FROM unnest(?::timestamptz[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[],
                                 ?::smallint[], ?::integer[], ?::bigint[])""";

    // The rows since the earliest settled point, each organization's from its own: a range of the log by time,
    // so that the plan follows the parameters' actual values (a few recent minutes) rather than estimates for
    // a per-organization parameter, which led the planner to count every organization's rows
    private static final String ALLOWANCES = """
            WITH counted (organization_id, since, settles) AS (
              SELECT * FROM unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]))
            SELECT w.organization_id, p.requests_per_minute, p.monthly_request_quota,
                   coalesce(c.settled, 0), coalesce(c.later, 0)
            FROM counted w
            JOIN organization o ON o.id = w.organization_id
            JOIN plan p ON p.id = o.plan_id
            LEFT JOIN (SELECT u.organization_id,
                              count(*) FILTER (WHERE u.occurred_at < s.settles) AS settled,
                              count(*) FILTER (WHERE u.occurred_at >= s.settles) AS later
                       FROM counted s
                       JOIN usage_log u ON u.organization_id = s.organization_id AND u.occurred_at >= s.since
                       WHERE u.occurred_at >= ?::timestamptz AND u.status <> 429
                       GROUP BY u.organization_id) AS c ON c.organization_id = w.organization_id""";

    private static final String ROLLED_UP_THROUGH = "SELECT meridian_usage_rolled_up_through()";

    private static final String ROLLED_UP_CALLS = """
            SELECT coalesce(sum(calls), 0) FROM usage_daily WHERE organization_id = ? AND day >= ? AND day < ?""";

    // Calls per day of a month: the days the rollup reached from usage_daily, the later ones from the log. The
    // split comes as a parameter: computed inside the query, its value would be unknown to the planner, which
    // then reads the whole partition rather than a range of the organization's index
    private static final String DAILY_CALLS = """
            SELECT day, sum(calls)::bigint
            FROM (SELECT day, calls FROM usage_daily WHERE organization_id = ? AND day >= ? AND day < ?
                  UNION ALL
                  SELECT (occurred_at AT TIME ZONE 'UTC')::date, 1 FROM usage_log
                  WHERE organization_id = ? AND occurred_at >= ? AND occurred_at < ? AND status <> 429) calls
            GROUP BY day ORDER BY day""";

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    /** Appends requests in one multi-row insert; returns how many. */
    public int append(List<UsageRecord> records) {
        return jdbc(APPEND, (connection, insert) -> {
            insert.setArray(1, texts(connection, records, UsageRecord::occurredAt));
            insert.setArray(2, texts(connection, records, UsageRecord::organizationId));
            insert.setArray(3, texts(connection, records, UsageRecord::apiKeyId));
            insert.setArray(4, texts(connection, records, UsageRecord::userId));
            insert.setArray(5, texts(connection, records, UsageRecord::method));
            insert.setArray(6, texts(connection, records, UsageRecord::route));
            insert.setArray(7, texts(connection, records, UsageRecord::status));
            insert.setArray(8, texts(connection, records, UsageRecord::durationMs));
            insert.setArray(9, texts(connection, records, UsageRecord::requestBytes));
            return insert.executeUpdate();
        });
    }

    /**
     * An organization's plan and its calls of the month so far, loaded afresh: the whole days the daily rollup
     * reached from {@code usage_daily}, a few rows per day, and only the days since from the log, split at
     * {@code settledUntil} as in {@link #allowances} (platform scope). Empty if the organization is gone.
     */
    public Optional<Loaded> allowance(UUID organization, YearMonth month, Instant settledUntil) {
        return Optional.ofNullable(allowances(Map.of(organization, rolledUp(organization, month)), settledUntil)
                .get(organization));
    }

    private SettledCalls rolledUp(UUID organization, YearMonth month) {
        var first = month.atDay(1);
        var fromLog = firstDayNotRolledUp(month);
        long calls = fromLog.equals(first) ? 0 : jdbc(ROLLED_UP_CALLS, (connection, query) -> {
            query.setObject(1, organization);
            query.setObject(2, first);
            query.setObject(3, fromLog);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
        return SettledCalls.startOf(month).plus(startOf(fromLog), calls);
    }

    /**
     * The first day of the month that {@code usage_daily} does not hold yet, from which on calls are counted in
     * the log: the day after the rollup's reach, or the month's first day; the day after the month if it reached
     * that.
     */
    private LocalDate firstDayNotRolledUp(YearMonth month) {
        var reached = jdbc(ROLLED_UP_THROUGH, (connection, query) -> {
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getObject(1, LocalDate.class);
            }
        });
        var first = month.atDay(1);
        var next = month.plusMonths(1).atDay(1);
        if (reached == null || reached.isBefore(first)) {
            return first;
        }
        return reached.isBefore(next) ? reached.plusDays(1) : next;
    }

    /**
     * The plans of these organizations and their calls since their settled points, split at {@code settledUntil}
     * (or where they were settled, if later): what is before it becomes settled (platform scope).
     */
    public Map<UUID, Loaded> allowances(Map<UUID, SettledCalls> counted, Instant settledUntil) {
        var organizations = List.copyOf(counted.keySet());
        var settles = new HashMap<UUID, Instant>();
        organizations.forEach(organization -> {
            var since = counted.get(organization).until();
            settles.put(organization, since.isAfter(settledUntil) ? since : settledUntil);
        });
        var earliest = counted.values().stream().map(SettledCalls::until).min(Instant::compareTo).orElseThrow();
        return jdbc(ALLOWANCES, (connection, query) -> {
            query.setArray(1, texts(connection, organizations, organization -> organization));
            query.setArray(2, texts(connection, organizations, organization -> counted.get(organization).until()));
            query.setArray(3, texts(connection, organizations, settles::get));
            query.setObject(4, java.sql.Timestamp.from(earliest));
            var loaded = new HashMap<UUID, Loaded>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    var organization = rows.getObject(1, UUID.class);
                    loaded.put(organization, new Loaded(new PlanLimits(rows.getInt(2), rows.getLong(3)),
                            counted.get(organization).plus(settles.get(organization), rows.getLong(4)),
                            rows.getLong(5)));
                }
            }
            return loaded;
        });
    }

    /** An organization's calls per UTC day of a month, days without calls left out. */
    public List<DayCalls> dailyCalls(UUID organization, YearMonth month) {
        var first = month.atDay(1);
        var next = month.plusMonths(1).atDay(1);
        var fromLog = firstDayNotRolledUp(month);
        return jdbc(DAILY_CALLS, (connection, query) -> {
            query.setObject(1, organization);
            query.setObject(2, first);
            query.setObject(3, fromLog);
            query.setObject(4, organization);
            query.setObject(5, java.sql.Timestamp.from(startOf(fromLog)));
            query.setObject(6, java.sql.Timestamp.from(startOf(next)));
            var days = new ArrayList<DayCalls>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    days.add(new DayCalls(rows.getObject(1, LocalDate.class), rows.getLong(2)));
                }
            }
            return days;
        });
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The plan of an organization the acting context may see. */
    public Optional<Plan> planOf(UUID organization) {
        return entityManager.createQuery("SELECT o.plan FROM Organization o WHERE o.id = :id", Plan.class)
                .setParameter("id", organization)
                .getResultStream()
                .findFirst();
    }

    private interface Statement<T> {
        T run(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private <T> T jdbc(String sql, Statement<T> work) {
        // in a transaction, EclipseLink hands out the connection it uses: the one whose context is set
        var connection = entityManager.unwrap(Connection.class);
        try (var statement = connection.prepareStatement(sql)) {
            return work.run(connection, statement);
        } catch (SQLException e) {
            throw new PersistenceException("usage log: " + e.getMessage(), e);
        }
    }

    private static <T> java.sql.Array texts(Connection connection, List<T> records, Function<T, Object> column)
            throws SQLException {
        return connection.createArrayOf("text", records.stream()
                .map(column)
                .map(value -> value == null ? null : value.toString())
                .toArray());
    }
}
