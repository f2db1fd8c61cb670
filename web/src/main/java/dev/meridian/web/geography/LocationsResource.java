package dev.meridian.web.geography;

import dev.meridian.persistence.geography.LocationService;
import dev.meridian.web.api.Paging;
import dev.meridian.web.api.QueryParameters;
import dev.meridian.web.tenancy.Views.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The shared location hierarchy (state, county, locality), which every organization reads. */
@Path("locations")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class LocationsResource {

    private static final int DEFAULT_MATCHES = 10;
    private static final int DEFAULT_PAGE = 50;

    @Inject
    LocationService locations;

    @GET
    @Operation(
            summary = "Location typeahead",
            description = "Locations matching q, case-insensitively: those whose"
                    + " name starts with q first, then the rest by trigram word similarity to q (name, county and state"
                    + " code). limit is 1 to 50, 10 by default.")
    public Page<Views.LocationMatchView> typeahead(@QueryParam("q") String q, @QueryParam("limit") String limit) {
        return new Page<>(locations.typeahead(q, QueryParameters.integer("limit", limit, DEFAULT_MATCHES)).stream()
                .map(Views.LocationMatchView::of)
                .toList());
    }

    @GET
    @Path("{id}")
    public Views.LocationView location(@PathParam("id") String id) {
        return Views.LocationView.of(locations.find(QueryParameters.id("location", id)));
    }

    @GET
    @Path("{id}/children")
    @Operation(
            summary = "A location's children",
            description = "The counties of a state or the localities of a"
                    + " county, by name; offset from 0, limit 1 to 100 (50 by default).")
    public Page<Views.LocationView> children(@PathParam("id") String id, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        var page = new Paging(QueryParameters.integer("offset", offset, 0),
                QueryParameters.integer("limit", limit, DEFAULT_PAGE));
        return new Page<>(locations.children(QueryParameters.id("location", id), page.offset(), page.limit()).stream()
                .map(Views.LocationView::of)
                .toList());
    }

    @GET
    @Path("{id}/seasons")
    public Page<Views.SeasonView> seasons(@PathParam("id") String id) {
        return new Page<>(locations.seasons(QueryParameters.id("location", id)).stream()
                .map(Views.SeasonView::of)
                .toList());
    }
}
