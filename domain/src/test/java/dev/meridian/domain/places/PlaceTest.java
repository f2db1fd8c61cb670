package dev.meridian.domain.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.meridian.domain.geography.Coordinates;
import dev.meridian.domain.geography.Location;
import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.Plan;
import dev.meridian.domain.tenancy.Role;
import dev.meridian.domain.tenancy.Slug;
import dev.meridian.domain.tenancy.User;
import dev.meridian.domain.tenancy.Username;

class PlaceTest {

    private static final Coordinates HERE = new Coordinates(39.8, -89.65);
    private static final Location TOWN = new Location(
            new Location(new Location(null, "IL", "Illinois", HERE, ZoneId.of("America/Chicago")), "17167",
                    "Sangamon County", HERE, ZoneId.of("America/Chicago")),
            "springfield", "Springfield", HERE, ZoneId.of("America/Chicago"));

    private final Organization acme = organization("acme");
    private final Organization globex = organization("globex");
    private final Place diner = new Place(acme.getId(), TOWN, "Cozy Dog Drive In", HERE);

    private static Organization organization(String slug) {
        return new Organization(new Slug(slug), slug, new Plan() {
        });
    }

    private static User member(Organization organization, String username) {
        return new User(organization, new Username(username), "hash", "Someone", Role.MEMBER);
    }

    @Test
    void aUserReviewsPlacesOfTheirOwnOrganizationOnly() {
        var review = diner.review(member(acme, "alice"), 4, "  good  ");
        assertEquals(acme.getId(), review.getOrganizationId());
        assertEquals("good", review.getComment().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> diner.review(member(globex, "bob"), 4, null));
    }

    @Test
    void aRatingIsOneToFive() {
        var review = diner.review(member(acme, "alice"), 1, null);
        review.rate(5, "better now");
        assertEquals(5, review.getRating());
        assertThrows(IllegalArgumentException.class, () -> review.rate(0, null));
        assertThrows(IllegalArgumentException.class, () -> review.rate(6, null));
    }

    @Test
    void aNewPlaceHasNoRatingUntilTheDatabaseCountsReviews() {
        assertTrue(diner.getRating().isEmpty());
        assertEquals(0, diner.getRatingsTotal());
    }

    @Test
    void typesAreNormalizedCodes() {
        diner.retype(List.of("Food", "takeaway", "food"));
        assertEquals(Set.of("food", "takeaway"), diner.getTypes());
        assertThrows(IllegalArgumentException.class, () -> diner.retype(List.of("two words")));
    }

    @Test
    void aPreferenceWeighsZeroToOne() {
        var cafe = new Category("cafe", "Café");
        var preference = new Preference(member(acme, "alice"), cafe, new BigDecimal("0.755"));
        assertEquals(new BigDecimal("0.76"), preference.getWeight());
        assertThrows(IllegalArgumentException.class, () -> preference.reweigh(new BigDecimal("1.01")));
    }
}
