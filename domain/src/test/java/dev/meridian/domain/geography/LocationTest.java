package dev.meridian.domain.geography;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class LocationTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Coordinates HERE = new Coordinates(39.8, -89.65);

    @Test
    void theLevelFollowsFromTheParent() {
        var illinois = new Location(null, "IL", "Illinois", HERE, CHICAGO);
        var sangamon = new Location(illinois, "17167", "Sangamon County", HERE, CHICAGO);
        var springfield = new Location(sangamon, "springfield", "Springfield", HERE, CHICAGO);
        assertEquals(LocationLevel.STATE, illinois.getLevel());
        assertEquals(LocationLevel.COUNTY, sangamon.getLevel());
        assertEquals(LocationLevel.LOCALITY, springfield.getLevel());
        assertEquals(sangamon, springfield.getParent().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new Location(springfield, "x", "X", HERE, CHICAGO));
    }

    @Test
    void coordinatesStayOnTheGlobe() {
        assertThrows(IllegalArgumentException.class, () -> new Coordinates(90.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Coordinates(0, -180.5));
        assertThrows(IllegalArgumentException.class, () -> new Coordinates(Double.NaN, 0));
    }

    @Test
    void geocodeQueriesAreNormalized() {
        assertEquals("springfield il", GeocodeCacheEntry.normalize("  Springfield \t IL "));
    }
}
