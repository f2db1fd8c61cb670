package dev.meridian.persistence.operations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.meridian.domain.operations.SupportTicket;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Support tickets in the portal: platform admins answer and close every tenant's tickets as support (platform
 * scope); an organization admin opens, answers and closes their own tenant's. Another tenant's ticket is not
 * found.
 */
@Stateless
public class TicketModeration {

    @Inject
    TicketModerationRepository tickets;

    @Inject
    ActingContext context;

    public List<TicketRow> page(String status, String tenant, int first, int size, String sortBy,
            boolean ascending) {
        return context.withCallersReach(() -> tickets.page(status, tenant, first, size, sortBy, ascending));
    }

    public long count(String status, String tenant) {
        return context.withCallersReach(() -> tickets.count(status, tenant, context.requireCaller().platformAdmin()));
    }

    public TicketConversation conversation(UUID id) {
        return context.withCallersReach(() -> new TicketConversation(
                tickets.row(id).orElseThrow(() -> notFound(id)), tickets.messages(id)));
    }

    /** Opens a ticket for the caller's own organization. */
    public UUID open(String subject, String body) {
        return valid(() -> {
            var ticket = new SupportTicket(caller(), subject, body);
            tickets.store(ticket);
            return ticket.getId();
        });
    }

    /** Answers a ticket: as support for a platform admin, as the tenant otherwise. */
    public void reply(UUID id, String body) {
        context.withCallersReach(() -> valid(() -> {
            var ticket = tickets.ticket(id).orElseThrow(() -> notFound(id));
            ticket.reply(caller(), body);
            tickets.flush();
            return ticket;
        }));
    }

    public void close(UUID id) {
        context.withCallersReach(() -> {
            tickets.ticket(id).orElseThrow(() -> notFound(id)).close(Instant.now());
            tickets.flush();
            return id;
        });
    }

    private User caller() {
        var caller = context.requireCaller();
        return tickets.user(caller.userId()).orElseThrow(() -> new ResourceNotFound("no user " + caller.userId()));
    }

    private static ResourceNotFound notFound(UUID id) {
        return new ResourceNotFound("no ticket " + id);
    }

    /** The domain's rejection of a value or a state, as invalid input. */
    private static <T> T valid(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInput("message", e.getMessage());
        }
    }
}
