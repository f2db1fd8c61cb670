package dev.meridian.persistence.operations;

import jakarta.persistence.EntityManager;

/**
 * Rolls up yesterday (UTC) from the usage log: one {@code usage_daily} row per organization, API key and day
 * (calls, errors, average and 95th-percentile duration, bytes), and one {@code daily_metrics} row per
 * organization that did anything that day (requests and errors from the log, users who made a request, users
 * who joined, reviews written, notifications delivered and what their delivery cost). An error is a response
 * of status 400 or above. Upserts, so running it again for the same day rewrites the same rows; rows affected
 * are the rows written to both tables.
 */
final class RollUpUsage implements Job {

    static final String NAME = "roll-up-usage";

    /** Yesterday's bounds in UTC, whatever the session's time zone. */
    private static final String YESTERDAY = """
            WITH yesterday AS (
              SELECT d AS day, d::timestamp AT TIME ZONE 'UTC' AS starts, (d + 1)::timestamp AT TIME ZONE 'UTC' AS ends
              FROM (SELECT (now() AT TIME ZONE 'UTC')::date - 1 AS d) today)""";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long run(EntityManager entityManager) {
        return entityManager.createNativeQuery(YESTERDAY + """
                INSERT INTO usage_daily (organization_id, api_key_id, day, calls, errors, avg_duration_ms,
                                         p95_duration_ms, request_bytes, response_bytes)
                SELECT u.organization_id, u.api_key_id, y.day, count(*), count(*) FILTER (WHERE u.status >= 400),
                       avg(u.duration_ms), percentile_disc(0.95) WITHIN GROUP (ORDER BY u.duration_ms),
                       sum(u.request_bytes), sum(u.response_bytes)
                FROM usage_log u, yesterday y
                WHERE u.occurred_at >= y.starts AND u.occurred_at < y.ends
                GROUP BY u.organization_id, u.api_key_id, y.day
                ON CONFLICT ON CONSTRAINT usage_daily_organization_id_api_key_id_day_key DO UPDATE
                SET calls = excluded.calls, errors = excluded.errors, avg_duration_ms = excluded.avg_duration_ms,
                    p95_duration_ms = excluded.p95_duration_ms, request_bytes = excluded.request_bytes,
                    response_bytes = excluded.response_bytes, version = usage_daily.version + 1, updated_at = now()
                """).executeUpdate()
                + entityManager
                        .createNativeQuery(YESTERDAY
                                + """
                                        , requests AS (
                                          SELECT u.organization_id, count(*) AS requests, count(*) FILTER (WHERE u.status >= 400) AS errors,
                                                 count(DISTINCT u.user_id) AS active_users
                                          FROM usage_log u, yesterday y WHERE u.occurred_at >= y.starts AND u.occurred_at < y.ends
                                          GROUP BY u.organization_id),
                                        joined AS (
                                          SELECT a.organization_id, count(*) AS new_users
                                          FROM app_user a, yesterday y WHERE a.created_at >= y.starts AND a.created_at < y.ends
                                          GROUP BY a.organization_id),
                                        reviewed AS (
                                          SELECT r.organization_id, count(*) AS reviews
                                          FROM review r, yesterday y WHERE r.created_at >= y.starts AND r.created_at < y.ends
                                          GROUP BY r.organization_id),
                                        delivered AS (
                                          SELECT n.organization_id, count(*) FILTER (WHERE n.status = 'sent') AS notifications,
                                                 sum(n.cost) AS cost
                                          FROM notification_log n, yesterday y WHERE n.finished_at >= y.starts AND n.finished_at < y.ends
                                          GROUP BY n.organization_id),
                                        active AS (
                                          SELECT organization_id FROM requests UNION SELECT organization_id FROM joined
                                          UNION SELECT organization_id FROM reviewed UNION SELECT organization_id FROM delivered)
                                        INSERT INTO daily_metrics (organization_id, day, requests, errors, new_users, active_users,
                                                                   reviews, notifications, cost)
                                        SELECT a.organization_id, y.day, coalesce(q.requests, 0), coalesce(q.errors, 0),
                                               coalesce(j.new_users, 0), coalesce(q.active_users, 0), coalesce(r.reviews, 0),
                                               coalesce(d.notifications, 0), coalesce(d.cost, 0)
                                        FROM active a CROSS JOIN yesterday y
                                        LEFT JOIN requests q ON q.organization_id = a.organization_id
                                        LEFT JOIN joined j ON j.organization_id = a.organization_id
                                        LEFT JOIN reviewed r ON r.organization_id = a.organization_id
                                        LEFT JOIN delivered d ON d.organization_id = a.organization_id
                                        ON CONFLICT (organization_id, day) DO UPDATE
                                        SET requests = excluded.requests, errors = excluded.errors, new_users = excluded.new_users,
                                            active_users = excluded.active_users, reviews = excluded.reviews,
                                            notifications = excluded.notifications, cost = excluded.cost,
                                            version = daily_metrics.version + 1, updated_at = now()
                                        """)
                        .executeUpdate();
    }
}
