package dev.meridian.persistence.places;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

import dev.meridian.domain.geography.Coordinates;
import dev.meridian.domain.geography.Location;
import dev.meridian.domain.notifications.ChangeEvent;
import dev.meridian.domain.places.Category;
import dev.meridian.domain.places.Place;
import dev.meridian.persistence.audit.CrossTenantProbe;
import dev.meridian.persistence.audit.TenantTable;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.AccessDenied;
import dev.meridian.persistence.problems.Conflict;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.tenancy.Valid;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;

/**
 * The caller's organization's places: everyone in it reads and searches them; its owners and admins, and
 * users holding {@value #WRITE_PERMISSION}, create, change and delete them. Every change records a change
 * event (created, updated with the changed fields, deleted) in the same transaction. Another tenant's place
 * is not found, whoever asks.
 */
@Stateless
public class PlaceService {

    /** Looked up once: each {@code Json.create...} call would scan the class path for a provider. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String WRITE_PERMISSION = "places.write";

    @Inject
    PlaceRepository places;

    @Inject
    ActingContext context;

    @Inject
    CrossTenantProbe probe;

    public Place get(UUID id) {
        return places.find(id).orElseThrow(() -> probe.notFound(TenantTable.PLACE, id));
    }

    public List<PlaceRepository.Hit> search(PlaceSearch search) {
        return places.search(context.requireCaller().organizationId(), search);
    }

    public Place create(PlaceDraft draft) {
        requireWriter();
        var caller = context.requireCaller();
        var location = location(draft.locationId());
        var place = Valid.field("name", draft.name(),
                name -> new Place(caller.organizationId(), location, name, coordinates(draft)));
        fill(place, draft);
        places.store(place);
        places.record(ChangeEvent.aboutPlace(place, "created", payload(Map.of("name", place.getName()))));
        return place;
    }

    /**
     * Replaces every writable field. With an expected version (a merge patch computed on what the client read), a
     * place changed meanwhile is a conflict rather than a lost update.
     */
    public Place update(UUID id, PlaceDraft draft, OptionalLong expectedVersion) {
        var place = get(id);
        requireWriter();
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != place.getVersion()) {
            throw new Conflict("the place changed meanwhile: read it again and repeat the change");
        }
        var before = fields(place);
        field("name", () -> place.setName(draft.name()));
        place.moveTo(location(draft.locationId()), coordinates(draft));
        fill(place, draft);
        var changed = new ArrayList<String>();
        fields(place).forEach((field, value) -> {
            if (!Objects.equals(value, before.get(field))) {
                changed.add(field);
            }
        });
        if (!changed.isEmpty()) {
            places.flush();
            places.record(ChangeEvent.aboutPlace(place, "updated",
                    JSON.createObjectBuilder().add("changed", JSON.createArrayBuilder(changed)).build().toString()));
        }
        return place;
    }

    public void delete(UUID id) {
        var place = get(id);
        requireWriter();
        places.record(ChangeEvent.aboutPlace(place, "deleted", payload(Map.of("name", place.getName()))));
        places.remove(place);
    }

    private void requireWriter() {
        var caller = context.requireCaller();
        if (!caller.administers(caller.organizationId()) && !places.actingUserHolds(WRITE_PERMISSION)) {
            throw new AccessDenied("only the organization's owners and admins, and users holding "
                    + WRITE_PERMISSION + ", change its places");
        }
    }

    private Location location(String id) {
        var parsed = Valid.field("locationId", id, UUID::fromString);
        return places.location(parsed).orElseThrow(() -> new InvalidInput("locationId", "no location " + id));
    }

    private static Coordinates coordinates(PlaceDraft draft) {
        if (draft.lat() == null) {
            throw new InvalidInput("lat", "lat is required");
        }
        if (draft.lng() == null) {
            throw new InvalidInput("lng", "lng is required");
        }
        try {
            return new Coordinates(draft.lat(), draft.lng());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(e.getMessage().startsWith("lat") ? "lat" : "lng", e.getMessage());
        }
    }

    /** The optional fields, each replaced: absent means none. */
    private void fill(Place place, PlaceDraft draft) {
        place.categorize(draft.category() == null
                ? null
                : places.category(draft.category()).orElseThrow(
                        () -> new InvalidInput("category", "no category " + draft.category())));
        field("description", () -> place.setDescription(draft.description()));
        field("openingHours", () -> place.setOpeningHours(object(draft.openingHours())));
        field("types", () -> place.retype(draft.types()));
        field("externalRef", () -> place.setExternalRef(draft.externalRef()));
    }

    private static void field(String name, Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(name, e.getMessage());
        } catch (NullPointerException e) {
            throw new InvalidInput(name, name + " has a null where a value belongs");
        }
    }

    // the database keeps only JSON objects here
    private static String object(String json) {
        if (json == null) {
            return null;
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject().toString();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("openingHours is a JSON object");
        }
    }

    /** What a change event compares: every writable field, JSON by value rather than by text. */
    private static Map<String, Object> fields(Place place) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("name", place.getName());
        fields.put("lat", place.getCoordinates().lat());
        fields.put("lng", place.getCoordinates().lng());
        fields.put("category", place.getCategory().map(Category::getCode).orElse(null));
        fields.put("locationId", place.getLocationId());
        fields.put("description", place.getDescription().orElse(null));
        fields.put("openingHours", place.getOpeningHours().map(PlaceService::parsed).orElse(null));
        fields.put("types", place.getTypes());
        fields.put("externalRef", place.getExternalRef().orElse(null));
        return fields;
    }

    private static Object parsed(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static String payload(Map<String, String> values) {
        var payload = JSON.createObjectBuilder();
        values.forEach(payload::add);
        return payload.build().toString();
    }
}
