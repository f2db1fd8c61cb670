package dev.meridian.web.tenancy;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.persistence.tenancy.OrganizationService;
import dev.meridian.web.api.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where an organization's notifications go, for its owners and admins and for platform admins: a webhook and
 * e-mail to its users. The webhook's secret is written, never read back.
 */
@Path("organizations/{slug}/notification-channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class NotificationChannelsResource {

    /** The channels to use from now on. A class with fields, not a record: see {@link RequestBodies}. */
    public static class Channels {
        /** An http or https URL notifications are posted to; absent or blank, no webhook. */
        public String webhookUrl;
        /** 16 to 200 characters that sign each post (HMAC-SHA256); absent, the current secret stays. */
        public String webhookSecret;
        @NotNull(message = "emailNotifications is required")
        public Boolean emailNotifications;
    }

    /** The channels as they are; {@code webhookUrl} is null, not left out, when there is no webhook. */
    public record ChannelsView(@JsonbNillable String webhookUrl, boolean emailNotifications) {

        static ChannelsView of(Organization organization) {
            return new ChannelsView(organization.getWebhook().map(Organization.Webhook::url).orElse(null),
                    organization.isEmailNotifications());
        }
    }

    @Inject
    OrganizationService organizations;

    @Inject
    RequestBodies bodies;

    @GET
    public ChannelsView get(@PathParam("slug") String slug) {
        return ChannelsView.of(organizations.notificationChannels(slug));
    }

    @PUT
    @Operation(
            summary = "Set where the organization's notifications go",
            description = "A webhook URL (http or https, at most 2000 characters) gets every notification of the"
                    + " organization's users posted to it, signed with webhookSecret (16 to 200 characters; leave it"
                    + " out to keep the current one). The URL must reach a public address: loopback and private"
                    + " ones only where the operator allows them, link-local ones (cloud metadata) never. No"
                    + " webhookUrl removes the webhook. emailNotifications also e-mails each user who has an"
                    + " address. The secret is never returned. Owners and admins only.")
    public ChannelsView replace(@PathParam("slug") String slug, Channels request) {
        var body = bodies.valid(request);
        var organization = organizations.notificationChannels(slug);
        return ChannelsView.of(organizations.setNotificationChannels(organization.getId(), body.webhookUrl,
                body.webhookSecret, body.emailNotifications));
    }
}
