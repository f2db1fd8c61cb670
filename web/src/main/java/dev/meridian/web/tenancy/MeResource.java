package dev.meridian.web.tenancy;

import dev.meridian.persistence.tenancy.Authenticator;
import dev.meridian.persistence.tenancy.ProfileService;
import dev.meridian.web.api.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller: who they are and which organization they act for; their password. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class MeResource {

    /** A new password and the current one. A class with fields, not a record: see {@link RequestBodies}. */
    public static class PasswordChange {
        @NotNull(message = "currentPassword is required")
        public String currentPassword;
        @NotNull(message = "newPassword is required")
        public String newPassword;
    }

    @Inject
    ProfileService profiles;

    @Inject
    Authenticator authenticator;

    @Inject
    RequestBodies bodies;

    @GET
    public Views.MeView me() {
        return Views.MeView.of(profiles.me());
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change my password",
            description = "Sets the caller's password to newPassword (at least 12 characters) when currentPassword"
                    + " is right; otherwise a 400 naming the field, and nothing changes. API keys keep working;"
                    + " the caller's portal sessions end at their next request.")
    public void changePassword(PasswordChange request) {
        var body = bodies.valid(request);
        authenticator.changeOwnPassword(body.currentPassword, body.newPassword);
    }
}
