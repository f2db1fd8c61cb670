package dev.meridian.persistence.places;

import java.util.List;
import java.util.UUID;

import dev.meridian.domain.places.LocationFollow;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.geography.LocationService;
import dev.meridian.persistence.problems.ResourceNotFound;
import dev.meridian.persistence.tenancy.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The locations the caller follows, to hear of changes to them and their places. */
@Stateless
public class FollowService {

    @Inject
    FollowRepository follows;

    @Inject
    LocationService locations;

    @Inject
    UserRepository users;

    @Inject
    ActingContext context;

    public List<LocationFollow> mine() {
        return follows.mine();
    }

    /** Follows the location; true when the caller did not follow it yet. An unknown location is not found. */
    public boolean follow(UUID locationId) {
        var location = locations.find(locationId);
        var user = users.find(context.requireCaller().userId())
                .orElseThrow(() -> new ResourceNotFound("caller is gone"));
        return follows.store(LocationFollow.follow(user, location));
    }

    /** Stops following the location, if the caller did. An unknown location is not found. */
    public void unfollow(UUID locationId) {
        follows.remove(context.requireCaller().userId(), locations.find(locationId));
    }
}
