package dev.meridian.admin.operations;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.primefaces.model.LazyDataModel;

import dev.meridian.admin.display.Feedback;
import dev.meridian.admin.display.ServerPagedModel;
import dev.meridian.domain.operations.TicketStatus;
import dev.meridian.persistence.operations.TicketConversation;
import dev.meridian.persistence.operations.TicketModeration;
import dev.meridian.persistence.operations.TicketRow;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The support tickets page: tickets by status, one opened with its conversation to reply or close, and a new
 * ticket for an organization admin's own tenant.
 */
@Named
@ViewScoped
public class TicketsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TicketModeration tickets;

    private String status = TicketStatus.OPEN.code();
    private String tenant;
    private LazyDataModel<TicketRow> rows;
    private TicketConversation conversation;

    @NotBlank(message = "Write a reply")
    @Size(max = 10000, message = "A reply is at most 10,000 characters")
    private String reply;

    @NotBlank(message = "Give the ticket a subject")
    @Size(max = 200, message = "A subject is at most 200 characters")
    private String subject;

    @NotBlank(message = "Describe the problem")
    @Size(max = 10000, message = "A message is at most 10,000 characters")
    private String body;

    @PostConstruct
    void init() {
        rows = new ServerPagedModel<>((first, size, sortBy, ascending) -> tickets.page(status, tenant, first, size,
                sortBy, ascending), () -> tickets.count(status, tenant), TicketRow::id, "updatedAt", false);
    }

    public void show(UUID id) {
        conversation = Feedback.attempt(() -> tickets.conversation(id), null);
        reply = null;
    }

    public void sendReply() {
        var id = conversation.ticket().id();
        if (Feedback.attempt(() -> tickets.reply(id, reply), "Reply sent")) {
            show(id);
        }
    }

    public void close() {
        var id = conversation.ticket().id();
        if (Feedback.attempt(() -> tickets.close(id), "Ticket closed")) {
            show(id);
        }
    }

    public void open() {
        var id = Feedback.attempt(() -> tickets.open(subject, body), "Ticket opened");
        if (id != null) {
            subject = body = null;
            show(id);
        }
    }

    public List<String> getStatuses() {
        return Arrays.stream(TicketStatus.values()).map(TicketStatus::code).toList();
    }

    public LazyDataModel<TicketRow> getRows() {
        return rows;
    }

    public TicketConversation getConversation() {
        return conversation;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
