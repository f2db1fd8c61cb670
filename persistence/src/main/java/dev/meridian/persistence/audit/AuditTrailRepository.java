package dev.meridian.persistence.audit;

import java.sql.Timestamp;
import java.time.Instant;
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
 * Change-log entries and security events the acting context may see, filtered, sorted and paged in
 * PostgreSQL. Tenants and actors are joined by name under the same row-level security, so another tenant's
 * names never show; their ids do, as the trail itself recorded them.
 */
@Stateless
@RowLevelSecured
public class AuditTrailRepository {

    private static final String CHANGES = "change_log c LEFT JOIN organization o ON o.id = c.organization_id"
            + " LEFT JOIN app_user u ON u.id = c.actor_user_id";
    private static final String CHANGE_COLUMNS = "c.id, c.occurred_at, coalesce(o.slug, c.organization_id::text),"
            + " c.table_name, c.operation, c.row_id, coalesce(u.username, c.actor_user_id::text), c.scope";
    private static final Map<String, String> CHANGE_SORTS = Map.of("occurredAt", "c.occurred_at", "tenant", "o.slug",
            "tableName", "c.table_name", "operation", "c.operation", "actor", "u.username");

    private static final String EVENTS = "security_event e LEFT JOIN organization o ON o.id = e.organization_id"
            + " LEFT JOIN app_user u ON u.id = e.actor_user_id";
    private static final Map<String, String> EVENT_SORTS = Map.of("occurredAt", "e.occurred_at", "tenant", "o.slug",
            "kind", "e.kind", "actor", "u.username");

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public List<ChangeRow> changes(AuditFilter filter, int first, int size, String sortBy, boolean ascending) {
        var conditions = changeConditions(filter);
        List<?> rows = conditions.bind(entityManager.createNativeQuery("SELECT " + CHANGE_COLUMNS + " FROM " + CHANGES
                + conditions.where() + " ORDER BY " + order(CHANGE_SORTS, sortBy, "c.occurred_at", ascending)
                + ", c.id DESC"))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Columns.pageSize(size))
                .getResultList();
        return rows.stream().map(row -> change((Object[]) row)).toList();
    }

    public long countChanges(AuditFilter filter, boolean wholeTableVisible) {
        return Counting.count(entityManager, CHANGES, changeConditions(filter), "public.change_log",
                wholeTableVisible);
    }

    /** One change with its rows; nothing when there is none the acting context may see. */
    public Optional<ChangeDetail> change(long id) {
        List<?> rows = entityManager.createNativeQuery("SELECT " + CHANGE_COLUMNS
                + ", c.old_row::text, c.new_row::text FROM " + CHANGES + " WHERE c.id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            var columns = (Object[]) row;
            return ChangeDetail.of(change(columns), Columns.text(columns[8]), Columns.text(columns[9]));
        });
    }

    /** The tables with an audit trigger, for the table filter. */
    public List<String> auditedTables() {
        List<?> names = entityManager.createNativeQuery("SELECT c.relname::text FROM pg_trigger t"
                + " JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'audit_change' ORDER BY 1")
                .getResultList();
        return names.stream().map(Columns::text).toList();
    }

    public List<SecurityEventRow> events(AuditFilter filter, int first, int size, String sortBy, boolean ascending) {
        var conditions = eventConditions(filter);
        List<?> rows = conditions.bind(entityManager.createNativeQuery("SELECT e.id, e.occurred_at,"
                + " coalesce(o.slug, e.organization_id::text), e.kind, coalesce(u.username, e.actor_user_id::text),"
                + " e.detail::text FROM " + EVENTS + conditions.where()
                + " ORDER BY " + order(EVENT_SORTS, sortBy, "e.occurred_at", ascending) + ", e.id"))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Columns.pageSize(size))
                .getResultList();
        return rows.stream().map(row -> {
            var columns = (Object[]) row;
            return new SecurityEventRow(Columns.uuid(columns[0]), Columns.instant(columns[1]),
                    Columns.text(columns[2]), Columns.text(columns[3]), Columns.text(columns[4]),
                    Columns.text(columns[5]));
        }).toList();
    }

    public long countEvents(AuditFilter filter, boolean wholeTableVisible) {
        return Counting.count(entityManager, EVENTS, eventConditions(filter), "public.security_event",
                wholeTableVisible);
    }

    private static Conditions changeConditions(AuditFilter filter) {
        return common(new Conditions().add("c.table_name = ?", filter.table()), filter, "c");
    }

    private static Conditions eventConditions(AuditFilter filter) {
        return common(new Conditions().add("e.kind = ?", filter.kind()), filter, "e");
    }

    private static Conditions common(Conditions conditions, AuditFilter filter, String alias) {
        return conditions
                .add("? IN (u.username, " + alias + ".actor_user_id::text)", filter.actor())
                .add("? IN (o.slug, " + alias + ".organization_id::text)", filter.tenant())
                .add(alias + ".occurred_at >= ?", timestamp(filter.from()))
                .add(alias + ".occurred_at < ?", timestamp(filter.to()));
    }

    private static String order(Map<String, String> sorts, String sortBy, String fallback, boolean ascending) {
        return sorts.getOrDefault(sortBy, fallback) + (ascending ? " ASC" : " DESC");
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static ChangeRow change(Object[] columns) {
        return new ChangeRow(Columns.number(columns[0]), Columns.instant(columns[1]), Columns.text(columns[2]),
                Columns.text(columns[3]), Columns.text(columns[4]), Columns.uuid(columns[5]), Columns.text(columns[6]),
                "platform".equals(columns[7]));
    }
}
