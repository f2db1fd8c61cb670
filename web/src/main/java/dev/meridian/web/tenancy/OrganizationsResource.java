package dev.meridian.web.tenancy;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
public class OrganizationsResource {

    public record NewOrganization(
            @NotBlank(
                    message = "slug is required") String slug,
            @NotBlank(
                    message = "name is required") @Size(
                            max = 200,
                            message = "name is at most 200 characters") String name,
            String plan) {
    }

    @Inject
    OrganizationService organizations;

    @Context
    UriInfo uri;

    @POST
    public Response create(@NotNull(
            message = "a JSON body is required") @Valid NewOrganization body) {
        var created = organizations.create(body.slug(), body.name(), body.plan());
        return Response.created(uri.getAbsolutePathBuilder().path(created.getSlug()).build())
                .entity(Views.OrganizationView.of(created))
                .build();
    }

    @GET
    public Views.Page<Views.OrganizationView> list(
            @QueryParam("offset") @DefaultValue("0") @Min(
                    value = 0,
                    message = "offset is at least 0") int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(
                    value = 1,
                    message = "limit is at least 1") @Max(
                            value = 100,
                            message = "limit is at most 100") int limit) {
        return new Views.Page<>(organizations.page(offset, limit, "slug", true).stream()
                .map(Views.OrganizationView::of)
                .toList());
    }
}
