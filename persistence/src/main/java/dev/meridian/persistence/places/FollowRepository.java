package dev.meridian.persistence.places;

import java.util.List;
import java.util.UUID;

import dev.meridian.domain.geography.Location;
import dev.meridian.domain.places.LocationFollow;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Location follows of the acting user: row-level security keeps every other user's out of sight. */
@Stateless
@RowLevelSecured
public class FollowRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public List<LocationFollow> mine() {
        return entityManager.createQuery("SELECT f FROM LocationFollow f JOIN FETCH f.location"
                + " ORDER BY f.createdAt DESC, f.id", LocationFollow.class)
                .getResultList();
    }

    /**
     * Stores the follow unless it exists; true when it was new. One statement that never fails on a follow
     * already there, so two concurrent requests to follow the same location both succeed.
     */
    public boolean store(LocationFollow follow) {
        return entityManager.createNativeQuery("INSERT INTO location_follow (id, organization_id, user_id, location_id)"
                + " VALUES (CAST(?1 AS uuid), CAST(?2 AS uuid), CAST(?3 AS uuid), CAST(?4 AS uuid))"
                + " ON CONFLICT (user_id, location_id) DO NOTHING")
                .setParameter(1, follow.getId().toString())
                .setParameter(2, follow.getOrganizationId().toString())
                .setParameter(3, follow.getUser().getId().toString())
                .setParameter(4, follow.getLocation().getId().toString())
                .executeUpdate() == 1;
    }

    /** Removes the user's follow of the location, if there is one. */
    public void remove(UUID userId, Location location) {
        entityManager.createQuery("DELETE FROM LocationFollow f WHERE f.user.id = :user"
                + " AND f.location = :location")
                .setParameter("user", userId)
                .setParameter("location", location)
                .executeUpdate();
    }
}
