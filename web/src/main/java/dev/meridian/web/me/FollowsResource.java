package dev.meridian.web.me;

import java.time.Instant;

import dev.meridian.domain.places.LocationFollow;
import dev.meridian.persistence.places.FollowService;
import dev.meridian.web.api.QueryParameters;
import dev.meridian.web.geography.Views.LocationView;
import dev.meridian.web.tenancy.Views.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The locations the caller follows; nobody else, not even their organization's admins, sees them. */
@Path("me/follows")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class FollowsResource {

    public record FollowView(LocationView location, Instant followedAt) {

        static FollowView of(LocationFollow follow) {
            return new FollowView(LocationView.of(follow.getLocation()), follow.getCreatedAt());
        }
    }

    @Inject
    FollowService follows;

    @GET
    public Page<FollowView> list() {
        return new Page<>(follows.mine().stream().map(FollowView::of).toList());
    }

    @PUT
    @Path("{locationId}")
    @Operation(
            summary = "Follow a location",
            description = "Idempotent: 201 when the caller starts following the"
                    + " location, 204 when they already did; 404 for an unknown location.")
    public Response follow(@PathParam("locationId") String locationId, @Context UriInfo uri) {
        return follows.follow(QueryParameters.id("location", locationId))
                ? Response.created(uri.getAbsolutePath()).build()
                : Response.noContent().build();
    }

    @DELETE
    @Path("{locationId}")
    @Operation(
            summary = "Stop following a location",
            description = "Idempotent: 204 whether or not the caller"
                    + " followed it; 404 for an unknown location.")
    public Response unfollow(@PathParam("locationId") String locationId) {
        follows.unfollow(QueryParameters.id("location", locationId));
        return Response.noContent().build();
    }
}
