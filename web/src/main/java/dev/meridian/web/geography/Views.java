package dev.meridian.web.geography;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.meridian.domain.geography.Location;
import dev.meridian.domain.geography.Season;
import dev.meridian.persistence.geography.LocationMatch;
import dev.meridian.persistence.geography.MapArea;

/** What the API shows of geography: camelCase, opaque string ids, levels in lower case, ISO-8601 days. */
public final class Views {

    private Views() {
    }

    public record LocationView(String id, String parentId, String level, String code, String name, double lat,
            double lng, String timeZone) {

        /** Names the parent, so the location's parent must have been fetched with it. */
        public static LocationView of(Location location) {
            return new LocationView(location.getId().toString(),
                    location.getParent().map(parent -> parent.getId().toString()).orElse(null),
                    location.getLevel().code(), location.getCode(), location.getName(), location.getCoordinates().lat(),
                    location.getCoordinates().lng(), location.getTimeZone().getId());
        }
    }

    public record LocationMatchView(String id, String parentId, String level, String name, String label, double lat,
            double lng, String timeZone) {

        static LocationMatchView of(LocationMatch match) {
            return new LocationMatchView(match.id().toString(),
                    match.parentId() == null ? null : match.parentId().toString(), match.level().code(), match.name(),
                    match.label(), match.lat(), match.lng(), match.timeZone());
        }
    }

    /** A season from its first to its last day, both included. */
    public record SeasonView(String id, String name, LocalDate firstDay, LocalDate lastDay) {

        static SeasonView of(Season season) {
            var during = season.getDuring();
            return new SeasonView(season.getId().toString(), season.getName(), during.start(),
                    during.endExclusive().minusDays(1));
        }
    }

    /** An area and the organization's places in it; averageRating is null while they have no review. */
    public record MapAreaView(String locationId, String parentId, String level, String name, double lat, double lng,
            long places, long reviews, BigDecimal averageRating) {

        static MapAreaView of(MapArea area) {
            return new MapAreaView(area.locationId().toString(),
                    area.parentId() == null ? null : area.parentId().toString(), area.level().code(), area.name(),
                    area.lat(), area.lng(), area.places(), area.reviews(), area.averageRating());
        }
    }
}
