package dev.meridian.domain.operations;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import dev.meridian.domain.tenancy.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One message on a support ticket, written either by a user of the ticket's organization or by a platform
 * admin for support (who belongs to the platform's own organization). Created through
 * {@link SupportTicket#reply}.
 */
@Entity
@Table(name = "ticket_message")
public class TicketMessage extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    private SupportTicket ticket;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_user_id", updatable = false)
    private User author;

    // an id, not a relation: the agent belongs to the platform's organization, which row-level security hides
    // from the tenant reading the ticket, so a relation would read as null there
    @Column(name = "support_user_id", updatable = false)
    private UUID supportUserId;

    @NotBlank(message = "a message needs a body")
    @Size(max = 10000, message = "a message is at most 10,000 characters")
    @Column(name = "body", nullable = false)
    private String body;

    protected TicketMessage() {
    }

    private TicketMessage(SupportTicket ticket, User author, UUID supportUserId, String body) {
        this.ticket = Objects.requireNonNull(ticket, "ticket");
        this.organizationId = ticket.getOrganizationId();
        this.author = author;
        this.supportUserId = supportUserId;
        this.body = requireBody(body);
    }

    static TicketMessage fromTenant(SupportTicket ticket, User author, String body) {
        return new TicketMessage(ticket, Objects.requireNonNull(author, "author"), null, body);
    }

    static TicketMessage fromSupport(SupportTicket ticket, User agent, String body) {
        return new TicketMessage(ticket, null, Objects.requireNonNull(agent, "agent").getId(), body);
    }

    private static String requireBody(String body) {
        if (body == null || body.isBlank() || body.strip().length() > 10_000) {
            throw new IllegalArgumentException("body must be 1 to 10,000 characters");
        }
        return body.strip();
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public SupportTicket getTicket() {
        return ticket;
    }

    /** The tenant's user who wrote it; none for a support message. */
    public Optional<User> getAuthor() {
        return Optional.ofNullable(author);
    }

    /** The platform admin who wrote it for support; none for a tenant's message. */
    public Optional<UUID> getSupportUserId() {
        return Optional.ofNullable(supportUserId);
    }

    public boolean isFromSupport() {
        return supportUserId != null;
    }

    public String getBody() {
        return body;
    }
}
