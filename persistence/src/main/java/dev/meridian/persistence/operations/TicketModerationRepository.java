package dev.meridian.persistence.operations;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.operations.SupportTicket;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.context.RowLevelSecured;
import dev.meridian.persistence.paging.Columns;
import dev.meridian.persistence.paging.Conditions;
import dev.meridian.persistence.paging.Counting;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Support tickets the acting context may see, listed by status and paged in PostgreSQL, and found by id. */
@Stateless
@RowLevelSecured
public class TicketModerationRepository {

    private static final String TICKETS = "support_ticket t JOIN organization o ON o.id = t.organization_id"
            + " LEFT JOIN app_user u ON u.id = t.author_user_id";
    private static final String COLUMNS = "SELECT t.id, o.slug, t.subject, coalesce(u.username,"
            + " t.author_user_id::text), t.status, (SELECT count(*) FROM ticket_message m"
            + " WHERE m.organization_id = t.organization_id AND m.ticket_id = t.id), t.updated_at FROM " + TICKETS;
    private static final Map<String, String> SORTS = Map.of("subject", "t.subject", "organization", "o.slug",
            "status", "t.status", "updatedAt", "t.updated_at", "author", "u.username");

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public List<TicketRow> page(String status, String tenant, int first, int size, String sortBy,
            boolean ascending) {
        var conditions = conditions(status, tenant);
        List<?> rows = conditions.bind(entityManager.createNativeQuery(COLUMNS + conditions.where() + " ORDER BY "
                + SORTS.getOrDefault(sortBy, "t.updated_at") + (ascending ? " ASC" : " DESC") + ", t.id"))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Columns.pageSize(size))
                .getResultList();
        return rows.stream().map(row -> row((Object[]) row)).toList();
    }

    public long count(String status, String tenant, boolean wholeTableVisible) {
        return Counting.count(entityManager, TICKETS, conditions(status, tenant), "public.support_ticket",
                wholeTableVisible);
    }

    public Optional<TicketRow> row(UUID id) {
        List<?> rows = entityManager.createNativeQuery(COLUMNS + " WHERE t.id = ?1").setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(row -> row((Object[]) row));
    }

    public Optional<SupportTicket> ticket(UUID id) {
        return Optional.ofNullable(entityManager.find(SupportTicket.class, id));
    }

    /** The messages of a ticket, authors by username where the acting context may see them. */
    public List<TicketConversation.Message> messages(UUID ticket) {
        List<?> rows = entityManager.createNativeQuery("SELECT coalesce(u.username, s.username, 'support'),"
                + " m.support_user_id IS NOT NULL, m.body, m.created_at FROM ticket_message m"
                + " LEFT JOIN app_user u ON u.id = m.author_user_id LEFT JOIN app_user s ON s.id = m.support_user_id"
                + " WHERE m.ticket_id = ?1 ORDER BY m.created_at, m.id")
                .setParameter(1, ticket)
                .getResultList();
        return rows.stream().map(row -> {
            var c = (Object[]) row;
            return new TicketConversation.Message(Columns.text(c[0]), Boolean.TRUE.equals(c[1]), Columns.text(c[2]),
                    Columns.instant(c[3]));
        }).toList();
    }

    public Optional<User> user(UUID id) {
        return Optional.ofNullable(entityManager.find(User.class, id));
    }

    public void store(SupportTicket ticket) {
        entityManager.persist(ticket);
        entityManager.flush();
    }

    public void flush() {
        entityManager.flush();
    }

    private static Conditions conditions(String status, String tenant) {
        return new Conditions().add("t.status = ?", status).add("? IN (o.slug, t.organization_id::text)", tenant);
    }

    private static TicketRow row(Object[] c) {
        return new TicketRow(Columns.uuid(c[0]), Columns.text(c[1]), Columns.text(c[2]), Columns.text(c[3]),
                Columns.text(c[4]), Columns.number(c[5]), Columns.instant(c[6]));
    }
}
