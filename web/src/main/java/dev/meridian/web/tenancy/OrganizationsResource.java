package dev.meridian.web.tenancy;

import dev.meridian.web.api.Paging;
import dev.meridian.web.api.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import dev.meridian.persistence.tenancy.OrganizationService;

/** Organizations: platform admins create and list all of them; anyone else lists their own. */
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class OrganizationsResource {

    /** An organization to create. A class with fields, not a record: see {@link RequestBodies}. */
    public static class NewOrganization {
        @NotBlank(message = "slug is required")
        public String slug;
        @NotBlank(message = "name is required")
        @Size(max = 200, message = "name is at most 200 characters")
        public String name;
        /** The plan's code; the default plan when absent. */
        public String plan;
    }

    @Inject
    OrganizationService organizations;

    @Inject
    RequestBodies bodies;

    @POST
    public Response create(NewOrganization request, @Context UriInfo uri) {
        var body = bodies.valid(request);
        var created = organizations.create(body.slug, body.name, body.plan);
        return Response.created(uri.getAbsolutePathBuilder().path(created.getSlug()).build())
                .entity(Views.OrganizationView.of(created))
                .build();
    }

    @GET
    public Views.Page<Views.OrganizationView> list(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        var page = new Paging(offset, limit);
        return new Views.Page<>(organizations.page(null, page.offset(), page.limit(), "slug", true).stream()
                .map(Views.OrganizationView::of)
                .toList());
    }
}
