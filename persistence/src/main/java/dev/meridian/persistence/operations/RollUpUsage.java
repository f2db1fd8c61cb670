package dev.meridian.persistence.operations;

import jakarta.persistence.EntityManager;

/**
 * Rolls up the usage log by UTC day: one {@code usage_daily} row per organization, API key and day (calls,
 * errors, average and 95th-percentile duration, bytes), and one {@code daily_metrics} row per organization
 * that did anything that day (requests and errors from the log, users who made a request, users who joined,
 * reviews written, notifications delivered and what their delivery cost). A request refused by a quota (429)
 * is not a call: {@code usage_daily}, which quotas and the monthly statement count, leaves it out, while
 * {@code daily_metrics} counts it as a request and an error. An error is a response of status 400 or above.
 *
 * <p>
 * The days are yesterday and every day before it since the last successful run's
 * ({@code meridian_usage_rolled_up_through()}), at most 31 in all, so a night the job did not run is caught
 * up the next time it does. Upserts, so running it again rewrites the same rows; rows affected are the rows
 * written to both tables.
 */
final class RollUpUsage implements Job {

    static final String NAME = "roll-up-usage";

    /** The days to roll up, as one range of whole UTC days, whatever the session's time zone. */
    private static final String DAYS = """
            WITH days AS (
              SELECT first_day::timestamp AT TIME ZONE 'UTC' AS starts,
                     (yesterday + 1)::timestamp AT TIME ZONE 'UTC' AS ends
              FROM (SELECT yesterday,
                           least(greatest(coalesce(through, yesterday - 31) + 1, yesterday - 30), yesterday) AS first_day
                    FROM (SELECT (now() AT TIME ZONE 'UTC')::date - 1 AS yesterday,
                                 meridian_usage_rolled_up_through() AS through) known) bounds)""";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long run(EntityManager entityManager) {
        return entityManager.createNativeQuery(DAYS + """
                INSERT INTO usage_daily (organization_id, api_key_id, day, calls, errors, avg_duration_ms,
                                         p95_duration_ms, request_bytes, response_bytes)
                SELECT u.organization_id, u.api_key_id, (u.occurred_at AT TIME ZONE 'UTC')::date, count(*),
                       count(*) FILTER (WHERE u.status >= 400),
                       avg(u.duration_ms), percentile_disc(0.95) WITHIN GROUP (ORDER BY u.duration_ms),
                       sum(u.request_bytes), sum(u.response_bytes)
                FROM usage_log u, days y
                WHERE u.occurred_at >= y.starts AND u.occurred_at < y.ends AND u.status <> 429
                GROUP BY u.organization_id, u.api_key_id, 3
                ON CONFLICT ON CONSTRAINT usage_daily_organization_id_api_key_id_day_key DO UPDATE
                SET calls = excluded.calls, errors = excluded.errors, avg_duration_ms = excluded.avg_duration_ms,
                    p95_duration_ms = excluded.p95_duration_ms, request_bytes = excluded.request_bytes,
                    response_bytes = excluded.response_bytes, version = usage_daily.version + 1, updated_at = now()
                """).executeUpdate()
                + entityManager
                        .createNativeQuery(DAYS
                                + """
                                        , requests AS (
                                          SELECT u.organization_id, (u.occurred_at AT TIME ZONE 'UTC')::date AS day, count(*) AS requests,
                                                 count(*) FILTER (WHERE u.status >= 400) AS errors, count(DISTINCT u.user_id) AS active_users
                                          FROM usage_log u, days y WHERE u.occurred_at >= y.starts AND u.occurred_at < y.ends
                                          GROUP BY 1, 2),
                                        joined AS (
                                          SELECT a.organization_id, (a.created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS new_users
                                          FROM app_user a, days y WHERE a.created_at >= y.starts AND a.created_at < y.ends
                                          GROUP BY 1, 2),
                                        reviewed AS (
                                          SELECT r.organization_id, (r.created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS reviews
                                          FROM review r, days y WHERE r.created_at >= y.starts AND r.created_at < y.ends
                                          GROUP BY 1, 2),
                                        delivered AS (
                                          SELECT n.organization_id, (n.finished_at AT TIME ZONE 'UTC')::date AS day,
                                                 count(*) FILTER (WHERE n.status = 'sent') AS notifications, sum(n.cost) AS cost
                                          FROM notification_log n, days y WHERE n.finished_at >= y.starts AND n.finished_at < y.ends
                                          GROUP BY 1, 2),
                                        active AS (
                                          SELECT organization_id, day FROM requests UNION SELECT organization_id, day FROM joined
                                          UNION SELECT organization_id, day FROM reviewed UNION SELECT organization_id, day FROM delivered)
                                        INSERT INTO daily_metrics (organization_id, day, requests, errors, new_users, active_users,
                                                                   reviews, notifications, cost)
                                        SELECT a.organization_id, a.day, coalesce(q.requests, 0), coalesce(q.errors, 0),
                                               coalesce(j.new_users, 0), coalesce(q.active_users, 0), coalesce(r.reviews, 0),
                                               coalesce(d.notifications, 0), coalesce(d.cost, 0)
                                        FROM active a
                                        LEFT JOIN requests q USING (organization_id, day)
                                        LEFT JOIN joined j USING (organization_id, day)
                                        LEFT JOIN reviewed r USING (organization_id, day)
                                        LEFT JOIN delivered d USING (organization_id, day)
                                        ON CONFLICT (organization_id, day) DO UPDATE
                                        SET requests = excluded.requests, errors = excluded.errors, new_users = excluded.new_users,
                                            active_users = excluded.active_users, reviews = excluded.reviews,
                                            notifications = excluded.notifications, cost = excluded.cost,
                                            version = daily_metrics.version + 1, updated_at = now()
                                        """)
                        .executeUpdate();
    }
}
