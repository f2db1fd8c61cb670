package dev.meridian.web.tenancy;

import dev.meridian.persistence.tenancy.UserService;
import dev.meridian.web.api.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** An organization's users, for its owners and admins and for platform admins. */
@Path("organizations/{slug}/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class UsersResource {

    /** A user to create. A class with fields, not a record: see {@link RequestBodies}. */
    public static class NewUser {
        @NotBlank(message = "username is required")
        public String username;
        @NotBlank(message = "password is required")
        public String password;
        @NotBlank(message = "fullName is required")
        public String fullName;
        @NotBlank(message = "role is required")
        public String role;
        /** Where e-mail notifications go; optional. */
        public String email;
    }

    @Inject
    UserService users;

    @Inject
    RequestBodies bodies;

    @POST
    public Response create(@PathParam("slug") String slug, NewUser request, @Context UriInfo uri) {
        var body = bodies.valid(request);
        var created = users.create(slug, body.username, body.password, body.fullName, body.role,
                body.email);
        return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .entity(Views.UserView.of(created))
                .build();
    }

    @GET
    public Views.Page<Views.UserView> list(@PathParam("slug") String slug) {
        return new Views.Page<>(users.of(slug).stream().map(Views.UserView::of).toList());
    }
}
