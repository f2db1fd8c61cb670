package dev.meridian.persistence.operations;

import static dev.meridian.persistence.operations.DatabaseStatistics.QUERY_TEXT_LIMIT;

import java.util.List;

import dev.meridian.persistence.context.RowLevelSecured;
import dev.meridian.persistence.operations.DatabaseReport.BlockedSession;
import dev.meridian.persistence.operations.DatabaseReport.IndexUsage;
import dev.meridian.persistence.operations.DatabaseReport.ReadModel;
import dev.meridian.persistence.operations.DatabaseReport.Session;
import dev.meridian.persistence.operations.DatabaseReport.TableSize;
import dev.meridian.persistence.paging.Columns;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads PostgreSQL's catalog and statistics views; no tenant data passes through here. */
@Stateless
@RowLevelSecured
public class DatabaseStatisticsRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public DatabaseReport report() {
        var database = (Object[]) entityManager.createNativeQuery("""
                SELECT current_database()::text, pg_database_size(current_database()),
                       pg_size_pretty(pg_database_size(current_database())),
                       round(blks_hit::numeric / nullif(blks_hit + blks_read, 0), 4),
                       xact_commit, xact_rollback, deadlocks
                FROM pg_stat_database WHERE datname = current_database()""").getSingleResult();
        return new DatabaseReport(Columns.text(database[0]), Columns.number(database[1]), Columns.text(database[2]),
                Columns.decimal(database[3]), Columns.number(database[4]), Columns.number(database[5]),
                Columns.number(database[6]), tables(), indexes(), sessions(), blocked());
    }

    private List<TableSize> tables() {
        return rows("""
                SELECT c.relname::text, CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'table' END,
                       pg_total_relation_size(c.oid), pg_size_pretty(pg_total_relation_size(c.oid)),
                       pg_size_pretty(pg_relation_size(c.oid)), greatest(c.reltuples, 0)::bigint
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'm')
                ORDER BY pg_total_relation_size(c.oid) DESC, c.relname""").stream()
                .map(row -> new TableSize(Columns.text(row[0]), Columns.text(row[1]), Columns.number(row[2]),
                        Columns.text(row[3]), Columns.text(row[4]), Columns.number(row[5])))
                .toList();
    }

    private List<IndexUsage> indexes() {
        return rows("""
                SELECT s.relname::text, s.indexrelname::text, s.idx_scan, pg_relation_size(s.indexrelid),
                       pg_size_pretty(pg_relation_size(s.indexrelid)), i.indisunique OR i.indisprimary
                FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
                WHERE s.schemaname = 'public'
                ORDER BY s.idx_scan, pg_relation_size(s.indexrelid) DESC, s.indexrelname""").stream()
                .map(row -> new IndexUsage(Columns.text(row[0]), Columns.text(row[1]), Columns.number(row[2]),
                        Columns.number(row[3]), Columns.text(row[4]), Boolean.TRUE.equals(row[5])))
                .toList();
    }

    private List<Session> sessions() {
        // another role's session shows no state and no backend type to a role outside pg_read_all_stats
        return rows("""
                SELECT a.pid, a.usename::text, a.application_name, a.state, a.query_start,
                       extract(epoch FROM now() - a.query_start)::bigint,
                       concat_ws(': ', a.wait_event_type, a.wait_event), left(a.query, %d),
                       array_to_string(pg_blocking_pids(a.pid), ', ')
                FROM pg_stat_activity a
                WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
                  AND coalesce(a.backend_type, 'client backend') = 'client backend'
                ORDER BY a.state = 'active' DESC, a.query_start NULLS LAST""".formatted(QUERY_TEXT_LIMIT)).stream()
                .map(row -> new Session(((Number) row[0]).intValue(), Columns.text(row[1]), Columns.text(row[2]),
                        Columns.text(row[3]), Columns.instant(row[4]), Columns.number(row[5]),
                        Columns.text(row[6]), Columns.text(row[7]), Columns.text(row[8])))
                .toList();
    }

    private List<BlockedSession> blocked() {
        return rows("""
                SELECT blocked.pid, left(blocked.query, %1$d), extract(epoch FROM now() - blocked.query_start)::bigint,
                       blocker.pid, blocker.usename::text, left(blocker.query, %1$d)
                FROM pg_stat_activity blocked
                CROSS JOIN LATERAL unnest(pg_blocking_pids(blocked.pid)) AS holder(pid)
                JOIN pg_stat_activity blocker ON blocker.pid = holder.pid
                WHERE blocked.datname = current_database()
                ORDER BY 3 DESC NULLS LAST""".formatted(QUERY_TEXT_LIMIT)).stream()
                .map(row -> new BlockedSession(((Number) row[0]).intValue(), Columns.text(row[1]),
                        Columns.number(row[2]), ((Number) row[3]).intValue(), Columns.text(row[4]),
                        Columns.text(row[5])))
                .toList();
    }

    /** The read models (materialized views) of the public schema. */
    public List<ReadModel> readModels() {
        return rows("""
                SELECT v.matviewname::text, v.ispopulated,
                       pg_size_pretty(pg_total_relation_size(format('%I.%I', v.schemaname, v.matviewname)::regclass))
                FROM pg_matviews v WHERE v.schemaname = 'public' ORDER BY 1""").stream()
                .map(row -> new ReadModel(Columns.text(row[0]), Boolean.TRUE.equals(row[1]), Columns.text(row[2])))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return entityManager.createNativeQuery(sql).getResultList();
    }
}
