package dev.meridian.persistence.operations;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.operations.SupportTicket;
import dev.meridian.domain.operations.TicketMessage;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Support tickets the acting context may see: its tenant's, or all of them in platform scope. Whatever the
 * API shows is fetched here, in the transaction: a lazy load afterwards would run without a row-level
 * security context and find nothing.
 */
@Stateless
@RowLevelSecured
public class TicketRepository {

    private static final String FETCH = "eclipselink.join-fetch";
    private static final String LEFT_FETCH = "eclipselink.left-join-fetch";

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    /** A ticket with its author, its messages and their authors. */
    public Optional<SupportTicket> find(UUID id) {
        return entityManager.createQuery("SELECT t FROM SupportTicket t WHERE t.id = :id", SupportTicket.class)
                .setParameter("id", id)
                .setHint(FETCH, "t.author")
                .setHint(LEFT_FETCH, "t.messages.author")
                .getResultStream()
                .findFirst();
    }

    /** Every ticket in reach, most recently changed first. */
    public List<SupportTicket> all(int offset, int limit) {
        return page(entityManager.createQuery("SELECT t FROM SupportTicket t ORDER BY t.updatedAt DESC, t.id",
                SupportTicket.class), offset, limit);
    }

    /** The tickets one user opened, most recently changed first. */
    public List<SupportTicket> openedBy(User author, int offset, int limit) {
        return page(entityManager.createQuery(
                "SELECT t FROM SupportTicket t WHERE t.author = :author ORDER BY t.updatedAt DESC, t.id",
                SupportTicket.class).setParameter("author", author), offset, limit);
    }

    private static List<SupportTicket> page(jakarta.persistence.TypedQuery<SupportTicket> query, int offset,
            int limit) {
        return query.setHint(FETCH, "t.author").setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public SupportTicket store(SupportTicket ticket) {
        entityManager.persist(ticket);
        entityManager.flush();
        return ticket;
    }

    /** Writes a new message (and the ticket's new status) now, under the acting context. */
    public TicketMessage store(TicketMessage message) {
        entityManager.persist(message);
        entityManager.flush();
        return message;
    }
}
