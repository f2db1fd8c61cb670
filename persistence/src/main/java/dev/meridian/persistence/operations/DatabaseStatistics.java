package dev.meridian.persistence.operations;

import java.util.List;

import dev.meridian.persistence.context.ActingContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Database diagnostics for platform admins, from PostgreSQL's statistics views, read as the application role.
 * <p>
 * That role is deliberately not a member of {@code pg_read_all_stats}: such membership would let any code
 * running as the application read every session's query text on the whole server, and the role is meant to
 * hold DML and nothing more. A SECURITY DEFINER function would not help either, as the owner role is no
 * member of it. So the page shows what the application role sees: every session of Meridian itself in full
 * (they all run as that role, and bind their values, so the text holds no data), and only the pid, role and
 * application of other roles' sessions (migrations, DBAs). Blocking locks are complete:
 * {@code pg_blocking_pids} and {@code pg_locks} are open to every role.
 */
@Stateless
public class DatabaseStatistics {

    /** Query text is cut to this many characters. */
    public static final int QUERY_TEXT_LIMIT = 500;

    /** An active query running longer than this many seconds is marked long-running. */
    public static final int LONG_RUNNING_SECONDS = 30;

    @Inject
    DatabaseStatisticsRepository statistics;

    @Inject
    ActingContext context;

    /** A platform admin's snapshot of the database now. */
    public DatabaseReport report() {
        return context.onPlatform(statistics::report);
    }

    /** The read models, populated or not. */
    public List<DatabaseReport.ReadModel> readModels() {
        return context.onPlatform(statistics::readModels);
    }
}
