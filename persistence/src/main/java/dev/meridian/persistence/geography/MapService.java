package dev.meridian.persistence.geography;

import java.util.List;

import dev.meridian.domain.geography.LocationLevel;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The caller's organization on the map: its places and ratings per state, county or locality. */
@Stateless
public class MapService {

    @Inject
    MapAreaRepository areas;

    /** Every area of the level where the tenant has places, by name. */
    public List<MapArea> areas(LocationLevel level) {
        return areas.areas(level);
    }
}
