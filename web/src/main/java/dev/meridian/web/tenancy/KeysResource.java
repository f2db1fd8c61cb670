package dev.meridian.web.tenancy;

import java.util.UUID;

import dev.meridian.persistence.problems.ResourceNotFound;
import dev.meridian.persistence.tenancy.ApiKeyService;
import dev.meridian.web.api.PasswordAccepted;
import dev.meridian.web.api.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The caller's API keys. Creating one also accepts a username and password, so a user can get a first key.
 */
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class KeysResource {

    /** A key to create. A class with fields, not a record: see {@link RequestBodies}. */
    public static class NewKey {
        @NotBlank(message = "name is required")
        @Size(max = 100, message = "name is at most 100 characters")
        public String name;
    }

    @Inject
    ApiKeyService keys;

    @Inject
    RequestBodies bodies;

    @POST
    @PasswordAccepted
    public Response create(NewKey request, @Context UriInfo uri) {
        var body = bodies.valid(request);
        var issued = keys.issue(body.name);
        var key = issued.key();
        return Response.created(uri.getAbsolutePathBuilder().path(key.getId().toString()).build())
                .entity(new Views.IssuedKeyView(key.getId().toString(), key.getName(), key.getPrefix(),
                        issued.token().value(), key.getCreatedAt()))
                .build();
    }

    @GET
    public Views.Page<Views.KeyView> list() {
        return new Views.Page<>(keys.mine().stream().map(Views.KeyView::of).toList());
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(parse(id));
        return Response.noContent().build();
    }

    // ids are opaque to clients: one that is not ours names nothing
    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFound("no key " + id);
        }
    }
}
