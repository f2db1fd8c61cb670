package dev.meridian.domain.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import dev.meridian.domain.tenancy.User;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A tenant's request for help, opened by one of its users and answered by platform support. Whose turn it is
 * follows the conversation: a tenant's message makes it open (support's turn), support's reply makes it
 * pending (the tenant's turn); closing ends it until it is reopened.
 */
@Entity
@Table(name = "support_ticket")
public class SupportTicket extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "author_user_id", nullable = false, updatable = false)
    private User author;

    @NotBlank(message = "subject is required")
    @Size(max = 200, message = "subject is at most 200 characters")
    @Column(name = "subject", nullable = false)
    private String subject;

    @Column(name = "status", nullable = false)
    private TicketStatus status = TicketStatus.OPEN;

    @Column(name = "closed_at")
    private Instant closedAt;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("createdAt")
    private List<TicketMessage> messages = new ArrayList<>();

    protected SupportTicket() {
    }

    /** Opens a ticket with its first message. */
    public SupportTicket(User author, String subject, String firstMessage) {
        this.author = Objects.requireNonNull(author, "author");
        this.organizationId = author.getOrganizationId();
        this.subject = requireSubject(subject);
        messages.add(TicketMessage.fromTenant(this, author, firstMessage));
    }

    private static String requireSubject(String subject) {
        if (subject == null || subject.isBlank() || subject.strip().length() > 200) {
            throw new IllegalArgumentException("subject must be 1 to 200 characters");
        }
        return subject.strip();
    }

    /**
     * Adds a message: from a user of the ticket's organization (then it is support's turn), or from a platform
     * admin answering for support (then it is the tenant's). Nobody else may write on the ticket.
     *
     * @throws IllegalStateException
     *             when the ticket is closed
     */
    public TicketMessage reply(User from, String body) {
        Objects.requireNonNull(from, "from");
        if (status == TicketStatus.CLOSED) {
            throw new IllegalStateException("a closed ticket takes no messages; reopen it first");
        }
        TicketMessage message;
        if (from.getOrganizationId().equals(organizationId)) {
            message = TicketMessage.fromTenant(this, from, body);
            status = TicketStatus.OPEN;
        } else if (from.isPlatformAdmin()) {
            message = TicketMessage.fromSupport(this, from, body);
            status = TicketStatus.PENDING;
        } else {
            throw new IllegalArgumentException("only the ticket's organization or platform support may reply");
        }
        messages.add(message);
        return message;
    }

    /** Closing twice keeps the first time. */
    public void close(Instant at) {
        Objects.requireNonNull(at, "at");
        if (status != TicketStatus.CLOSED) {
            status = TicketStatus.CLOSED;
            closedAt = at;
        }
    }

    /** Reopening puts it back on support's side. */
    public void reopen() {
        if (status == TicketStatus.CLOSED) {
            status = TicketStatus.OPEN;
            closedAt = null;
        }
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public User getAuthor() {
        return author;
    }

    public String getSubject() {
        return subject;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public Optional<Instant> getClosedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** Oldest first. */
    public List<TicketMessage> getMessages() {
        return Collections.unmodifiableList(messages);
    }
}
