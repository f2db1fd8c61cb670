package dev.meridian.web.places;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import dev.meridian.persistence.places.PlaceDraft;
import dev.meridian.persistence.places.PlaceRepository;
import dev.meridian.persistence.places.PlaceSearch;
import dev.meridian.persistence.places.PlaceService;
import dev.meridian.persistence.places.ReviewService;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import dev.meridian.web.api.Cursor;
import dev.meridian.web.api.CursorPage;
import dev.meridian.web.api.Limit;
import dev.meridian.web.api.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The organization's places: search and paging, create, read, replace, merge-patch (RFC 7396), delete; a
 * place's reviews and the caller's own review of it. Query parameters are parsed here, not bound to typed
 * parameters, so a malformed one answers 400 naming it rather than JAX-RS's 404.
 */
@Path("places")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PlacesResource {

    /** Looked up once: each {@code Json.create...} call would scan the class path for a provider. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static final String BY_NAME = "name";
    private static final String BY_DISTANCE = "distance";
    private static final double DEFAULT_RADIUS_KM = 5;
    private static final int MAX_TEXT = 100;
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** A place as a client writes it. A class with fields, not a record: see {@link RequestBodies}. */
    public static class PlaceBody {
        @NotBlank(message = "name is required")
        @Size(max = 200, message = "name is at most 200 characters")
        public String name;
        @NotNull(message = "lat is required")
        @DecimalMin(value = "-90", message = "lat is from -90 to 90")
        @DecimalMax(value = "90", message = "lat is from -90 to 90")
        public Double lat;
        @NotNull(message = "lng is required")
        @DecimalMin(value = "-180", message = "lng is from -180 to 180")
        @DecimalMax(value = "180", message = "lng is from -180 to 180")
        public Double lng;
        @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,39}", message = "category is a category code, such as restaurant")
        public String category;
        @NotBlank(message = "locationId is required")
        public String locationId;
        @Size(max = 4000, message = "description is at most 4000 characters")
        public String description;
        public JsonObject openingHours;
        /** Each checked by the place itself: a constraint on the elements would name no field. */
        @Size(max = 20, message = "types are at most 20")
        public List<String> types;
        @Size(min = 1, max = 200, message = "externalRef is 1 to 200 characters")
        public String externalRef;

        PlaceDraft draft() {
            return new PlaceDraft(name, lat, lng, category, locationId, description,
                    openingHours == null ? null : openingHours.toString(), types, externalRef);
        }
    }

    /** The caller's review of a place. A class with fields, not a record: see {@link RequestBodies}. */
    public static class ReviewBody {
        @NotNull(message = "rating is required")
        @Min(value = 1, message = "rating is from 1 to 5")
        @Max(value = 5, message = "rating is from 1 to 5")
        public Integer rating;
        @Size(max = 4000, message = "text is at most 4000 characters")
        public String text;
    }

    @Inject
    PlaceService places;

    @Inject
    ReviewService reviews;

    @Inject
    RequestBodies bodies;

    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("category") String category,
            @QueryParam("bbox") String bbox, @QueryParam("near") String near,
            @QueryParam("radius_km") String radiusKm, @QueryParam("limit") String limit,
            @QueryParam(CursorPage.CURSOR_PARAMETER) String cursor, @Context UriInfo uri) {
        var circle = circle(near, radiusKm);
        var order = circle.isPresent() ? BY_DISTANCE : BY_NAME;
        var after = Optional.ofNullable(cursor).map(token -> {
            var position = Cursor.decode(token, order, 2);
            var id = position.key(1, UUID::fromString);
            return circle.isPresent()
                    ? new PlaceSearch.After(null, position.key(0, Double::valueOf), id)
                    : new PlaceSearch.After(position.key(0, String::valueOf), null, id);
        });
        int pageSize = Limit.parse(limit);
        var search = new PlaceSearch(text(q), category(category), box(bbox), circle, after, pageSize + 1);
        return CursorPage.of(places.search(search), pageSize, hit -> Views.PlaceView.of(hit.place(),
                hit.distanceKm()), PlacesResource::position).toResponse(uri);
    }

    private static Cursor position(PlaceRepository.Hit hit) {
        var id = hit.place().getId().toString();
        return hit.distanceKm() == null
                ? Cursor.of(BY_NAME, hit.place().getName(), id)
                : Cursor.of(BY_DISTANCE, Double.toString(hit.distanceKm()), id);
    }

    @POST
    public Response create(PlaceBody request, @Context UriInfo uri) {
        var created = places.create(bodies.valid(request).draft());
        return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .entity(Views.PlaceView.of(created))
                .build();
    }

    @GET
    @Path("{id}")
    public Views.PlaceView get(@PathParam("id") String id) {
        return Views.PlaceView.of(places.get(parse(id)));
    }

    @PUT
    @Path("{id}")
    public Views.PlaceView replace(@PathParam("id") String id, PlaceBody request) {
        var placeId = parse(id);
        return Views.PlaceView.of(places.update(placeId, bodies.valid(request).draft(), OptionalLong.empty()));
    }

    /**
     * Applies a JSON merge patch to the place's writable fields, then stores the result as a replacement would,
     * provided nobody changed the place since it was read for patching (else 409).
     */
    @PATCH
    @Path("{id}")
    @Consumes(MERGE_PATCH)
    public Views.PlaceView patch(@PathParam("id") String id, String patch) {
        var placeId = parse(id);
        var current = places.get(placeId);
        JsonValue parsed;
        try (var reader = JSON.createReader(new StringReader(patch == null ? "" : patch))) {
            parsed = reader.readValue();
        }
        if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput("body", "a merge patch of a place is a JSON object");
        }
        var merged = JSON.createMergePatch(parsed).apply(Views.PlaceView.of(current).writable());
        var request = JSONB.fromJson(merged.toString(), PlaceBody.class);
        return Views.PlaceView.of(places.update(placeId, bodies.valid(request).draft(),
                OptionalLong.of(current.getVersion())));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        places.delete(parse(id));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/reviews")
    public Response reviews(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam(CursorPage.CURSOR_PARAMETER) String cursor, @Context UriInfo uri) {
        int pageSize = Limit.parse(limit);
        return CursorPage.of(reviews.ofPlace(parse(id), ReviewCursors.after(cursor), pageSize + 1), pageSize,
                Views.ReviewView::of, ReviewCursors::position).toResponse(uri);
    }

    /** Creates (201) or replaces (200) the caller's review of the place. */
    @PUT
    @Path("{id}/review")
    public Response review(@PathParam("id") String id, ReviewBody request, @Context UriInfo uri) {
        var placeId = parse(id);
        var body = bodies.valid(request);
        var rated = reviews.rate(placeId, body.rating, body.text);
        var view = Views.ReviewView.of(rated.review());
        return rated.created()
                ? Response.created(uri.getAbsolutePath()).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("{id}/review")
    public Response withdrawReview(@PathParam("id") String id) {
        reviews.withdraw(parse(id));
        return Response.noContent().build();
    }

    // ids are opaque to clients: one that is not ours names nothing
    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFound("no place " + id);
        }
    }

    private static Optional<String> text(String q) {
        if (q == null || q.isBlank()) {
            return Optional.empty();
        }
        if (q.strip().length() > MAX_TEXT) {
            throw new InvalidInput("q", "q is at most " + MAX_TEXT + " characters");
        }
        return Optional.of(q.strip());
    }

    private static Optional<String> category(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        if (!code.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new InvalidInput("category", "category is a category code, such as restaurant");
        }
        return Optional.of(code);
    }

    private static Optional<PlaceSearch.Box> box(String bbox) {
        if (bbox == null) {
            return Optional.empty();
        }
        var edges = numbers(bbox, 4, "bbox", "bbox is minLng,minLat,maxLng,maxLat");
        return Optional.of(new PlaceSearch.Box(edges[1], edges[0], edges[3], edges[2]));
    }

    private static Optional<PlaceSearch.Circle> circle(String near, String radiusKm) {
        if (near == null) {
            if (radiusKm != null) {
                throw new InvalidInput("radius_km", "radius_km goes with near");
            }
            return Optional.empty();
        }
        var point = numbers(near, 2, "near", "near is lat,lng");
        double radius = radiusKm == null
                ? DEFAULT_RADIUS_KM
                : numbers(radiusKm, 1, "radius_km", "radius_km is a number of kilometres")[0];
        return Optional.of(new PlaceSearch.Circle(point[0], point[1], radius));
    }

    private static double[] numbers(String value, int count, String field, String expected) {
        var parts = value.split(",", -1);
        if (parts.length != count) {
            throw new InvalidInput(field, expected);
        }
        var numbers = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput(field, expected);
            }
            if (!Double.isFinite(numbers[i])) {
                throw new InvalidInput(field, expected);
            }
        }
        return numbers;
    }
}
