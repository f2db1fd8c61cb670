package dev.meridian.web.tickets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.meridian.domain.operations.SupportTicket;
import dev.meridian.domain.operations.TicketMessage;
import dev.meridian.persistence.operations.TicketService;
import dev.meridian.persistence.problems.ResourceNotFound;
import dev.meridian.web.api.Paging;
import dev.meridian.web.api.RequestBodies;
import dev.meridian.web.tenancy.Views.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Support tickets: a user opens one and writes on it; its organization's owners and admins see all of the
 * organization's tickets, platform admins (support) every tenant's, and answer them.
 */
@Path("tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TicketsResource {

    /** A ticket to open, with its first message. A class with fields, not a record: see {@link RequestBodies}. */
    public static class NewTicket {
        @NotBlank(message = "subject is required")
        @Size(max = 200, message = "subject is at most 200 characters")
        public String subject;
        @NotBlank(message = "message is required")
        @Size(max = 10_000, message = "message is at most 10,000 characters")
        public String message;
    }

    /** A message to add. */
    public static class NewMessage {
        @NotBlank(message = "body is required")
        @Size(max = 10_000, message = "body is at most 10,000 characters")
        public String body;
    }

    /** A ticket in a list. */
    public record TicketView(String id, String subject, String status, String author, Instant createdAt,
            Instant updatedAt, Instant closedAt) {

        static TicketView of(SupportTicket ticket) {
            return new TicketView(ticket.getId().toString(), ticket.getSubject(), ticket.getStatus().code(),
                    ticket.getAuthor().getUsername(), ticket.getCreatedAt(), ticket.getUpdatedAt(),
                    ticket.getClosedAt().orElse(null));
        }
    }

    /** A ticket with its conversation, oldest message first. */
    public record TicketDetail(String id, String subject, String status, String author, Instant createdAt,
            Instant updatedAt, Instant closedAt, List<MessageView> messages) {

        static TicketDetail of(SupportTicket ticket) {
            var summary = TicketView.of(ticket);
            return new TicketDetail(summary.id(), summary.subject(), summary.status(), summary.author(),
                    summary.createdAt(), summary.updatedAt(), summary.closedAt(),
                    ticket.getMessages().stream().map(MessageView::of).toList());
        }
    }

    /** One message: a tenant user's (author named) or support's (no author shown). */
    public record MessageView(String id, String body, boolean fromSupport, String author, Instant createdAt) {

        static MessageView of(TicketMessage message) {
            return new MessageView(message.getId().toString(), message.getBody(), message.isFromSupport(),
                    message.getAuthor().map(user -> user.getUsername()).orElse(null), message.getCreatedAt());
        }
    }

    @Inject
    TicketService tickets;

    @Inject
    RequestBodies bodies;

    @GET
    public Page<TicketView> list(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        var page = new Paging(offset, limit);
        return new Page<>(tickets.visible(page.offset(), page.limit()).stream().map(TicketView::of).toList());
    }

    @POST
    public Response open(NewTicket request, @Context UriInfo uri) {
        var body = bodies.valid(request);
        var ticket = tickets.open(body.subject, body.message);
        return Response.created(uri.getAbsolutePathBuilder().path(ticket.getId().toString()).build())
                .entity(TicketDetail.of(ticket))
                .build();
    }

    @GET
    @Path("{id}")
    public TicketDetail get(@PathParam("id") String id) {
        return TicketDetail.of(tickets.find(parse(id)));
    }

    @POST
    @Path("{id}/messages")
    public Response reply(@PathParam("id") String id, NewMessage request, @Context UriInfo uri) {
        var body = bodies.valid(request);
        var message = tickets.reply(parse(id), body.body);
        // the message is read as part of its ticket
        return Response.created(uri.getBaseUriBuilder().path("tickets").path(id).build())
                .entity(MessageView.of(message))
                .build();
    }

    // ids are opaque to clients: one that is not a UUID names nothing
    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFound("no ticket " + id);
        }
    }
}
