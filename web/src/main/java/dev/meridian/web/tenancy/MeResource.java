package dev.meridian.web.tenancy;

import dev.meridian.persistence.tenancy.ProfileService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller: who they are and which organization they act for. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class MeResource {

    @Inject
    ProfileService profiles;

    @GET
    public Views.MeView me() {
        return Views.MeView.of(profiles.me());
    }
}
