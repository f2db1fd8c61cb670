package dev.meridian.web.geography;

import java.util.Map;
import java.util.Optional;

import dev.meridian.domain.geography.LocationLevel;
import dev.meridian.persistence.geography.MapService;
import dev.meridian.persistence.problems.ResourceNotFound;
import dev.meridian.web.tenancy.Views.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's organization on the map, per state, county or locality. */
@Path("map")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class MapResource {

    private static final Map<String, LocationLevel> LEVELS = Map.of("states", LocationLevel.STATE, "counties",
            LocationLevel.COUNTY, "localities", LocationLevel.LOCALITY);

    @Inject
    MapService map;

    @GET
    @Path("{level}")
    @Operation(
            summary = "Map aggregates",
            description = "For level states, counties or localities: every area where"
                    + " the caller's organization has places, with the number of places in it (its own and those of the"
                    + " areas below it), their reviews and the average rating of those reviews (absent while there are"
                    + " none). The figures come from a read model refreshed every few minutes (see"
                    + " MERIDIAN_JOB_REFRESH_READ_MODELS_SCHEDULE).")
    public Page<Views.MapAreaView> areas(@PathParam("level") String level) {
        var known = Optional.ofNullable(LEVELS.get(level))
                .orElseThrow(() -> new ResourceNotFound("no map level " + level + "; states, counties or localities"));
        return new Page<>(map.areas(known).stream().map(Views.MapAreaView::of).toList());
    }
}
