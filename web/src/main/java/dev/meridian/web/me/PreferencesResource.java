package dev.meridian.web.me;

import java.math.BigDecimal;
import java.util.List;

import dev.meridian.domain.places.Preference;
import dev.meridian.persistence.places.PreferenceService;
import dev.meridian.web.tenancy.Views.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** How much the caller cares for each category of place; private to the caller. */
@Path("me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PreferencesResource {

    /**
     * One category and its weight, as a client sends it. A class with fields, not a record (see
     * {@link dev.meridian.web.api.RequestBodies}); the service checks the list as a whole.
     */
    public static class Choice {
        /** A category code, such as restaurant or museum. */
        public String category;
        /** From 0 to 1, in hundredths. */
        public BigDecimal weight;

        PreferenceService.Choice asked() {
            return new PreferenceService.Choice(category, weight);
        }
    }

    public record PreferenceView(String category, BigDecimal weight) {

        static PreferenceView of(Preference preference) {
            return new PreferenceView(preference.getCategory().getCode(), preference.getWeight());
        }
    }

    @Inject
    PreferenceService preferences;

    @GET
    public Page<PreferenceView> list() {
        return page(preferences.mine());
    }

    @PUT
    @Operation(
            summary = "Replace my preferences",
            description = "The body, a JSON array of {category, weight},"
                    + " becomes all of the caller's preferences: categories not in it lose theirs. Each category at most"
                    + " once, each weight from 0 to 1 (rounded to hundredths). A faulty entry is a 400 naming it, such as"
                    + " [1].weight, and changes nothing.")
    public Page<PreferenceView> replace(List<Choice> body) {
        // a null entry ("[null]") goes on as null, for the service to name
        return page(preferences.replace(body == null
                ? null
                : body.stream().map(choice -> choice == null ? null : choice.asked()).toList()));
    }

    private static Page<PreferenceView> page(List<Preference> preferences) {
        return new Page<>(preferences.stream().map(PreferenceView::of).toList());
    }
}
