package dev.meridian.web.notifications;

import java.time.Instant;
import java.util.UUID;

import dev.meridian.domain.notifications.Notification;
import dev.meridian.persistence.notifications.NotificationService;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import dev.meridian.web.api.Paging;
import dev.meridian.web.tenancy.Views.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's own notifications, newest first; nobody sees or reads another user's. */
@Path("me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class NotificationsResource {

    /** One notification as its user sees it: what changed, where, and whether it was read. */
    public record NotificationView(String id, String status, boolean read, Instant readAt, Instant createdAt,
            String kind, String subjectType, String subjectId, String locationId, String locationName) {

        static NotificationView of(Notification notification) {
            var event = notification.getChangeEvent();
            var location = event.getLocation();
            return new NotificationView(notification.getId().toString(), notification.getStatus().code(),
                    notification.getReadAt().isPresent(), notification.getReadAt().orElse(null),
                    notification.getCreatedAt(), event.getKind(), event.getSubjectType().code(),
                    event.getSubjectId().toString(), location.getId().toString(), location.getName());
        }
    }

    @Inject
    NotificationService notifications;

    /** {@code unread=true} lists only what is still unread. */
    @GET
    public Page<NotificationView> list(@QueryParam("unread") @DefaultValue("false") String unread,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        var page = new Paging(offset, limit);
        return new Page<>(notifications.mine(flag("unread", unread), page.offset(), page.limit()).stream()
                .map(NotificationView::of)
                .toList());
    }

    @POST
    @Path("{id}/read")
    public Response read(@PathParam("id") String id) {
        notifications.markRead(parse(id));
        return Response.noContent().build();
    }

    private static boolean flag(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInput(name, name + " is true or false");
        };
    }

    // ids are opaque to clients: one that is not a UUID names nothing
    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFound("no notification " + id);
        }
    }
}
