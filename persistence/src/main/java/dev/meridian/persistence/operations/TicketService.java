package dev.meridian.persistence.operations;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.meridian.domain.operations.SupportTicket;
import dev.meridian.domain.operations.TicketMessage;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.audit.CrossTenantProbe;
import dev.meridian.persistence.audit.TenantTable;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.Conflict;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import dev.meridian.persistence.tenancy.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Support tickets as the API offers them. Who sees a ticket: its author; the owners and admins of its
 * organization (all of their organization's tickets); platform admins, who are support (every tenant's, in
 * audited platform scope). Whoever sees a ticket may write on it: a platform admin's message on another
 * organization's ticket is support's answer.
 */
@Stateless
public class TicketService {

    @Inject
    TicketRepository tickets;

    @Inject
    UserRepository users;

    @Inject
    ActingContext context;

    @Inject
    CrossTenantProbe probe;

    public List<SupportTicket> visible(int offset, int limit) {
        var caller = context.requireCaller();
        if (caller.platformAdmin() || caller.role().administers()) {
            return context.withCallersReach(() -> tickets.all(offset, limit));
        }
        return tickets.openedBy(me(), offset, limit);
    }

    public SupportTicket open(String subject, String firstMessage) {
        var author = me();
        return tickets.store(valid(() -> new SupportTicket(author, subject, firstMessage)));
    }

    /** A ticket the caller may see, with its messages. */
    public SupportTicket find(UUID id) {
        var caller = context.requireCaller();
        return context.withCallersReach(() -> tickets.find(id))
                .filter(ticket -> caller.platformAdmin() || caller.administers(ticket.getOrganizationId())
                        || ticket.getAuthor().getId().equals(caller.userId()))
                .orElseThrow(() -> probe.notFound(TenantTable.SUPPORT_TICKET, id));
    }

    /** Adds the caller's message to a ticket they may see; a closed ticket takes none. */
    public TicketMessage reply(UUID id, String body) {
        var from = me();
        var ticket = find(id);
        return context.withCallersReach(() -> {
            try {
                return tickets.store(valid(() -> ticket.reply(from, body)));
            } catch (IllegalStateException e) {
                throw new Conflict(e.getMessage());
            }
        });
    }

    private User me() {
        return users.find(context.requireCaller().userId()).orElseThrow(() -> new ResourceNotFound("caller is gone"));
    }

    /** The domain's refusal of a subject or body, as invalid input. */
    private static <T> T valid(Supplier<T> construct) {
        try {
            return construct.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(e.getMessage().startsWith("subject") ? "subject" : "message", e.getMessage());
        }
    }
}
