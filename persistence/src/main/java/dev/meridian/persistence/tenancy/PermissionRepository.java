package dev.meridian.persistence.tenancy;

import java.util.List;

import dev.meridian.domain.tenancy.Permission;
import dev.meridian.domain.tenancy.User;
import dev.meridian.domain.tenancy.UserPermission;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The permissions there are (shared reference data) and the grants of the acting context's users. */
@Stateless
@RowLevelSecured
public class PermissionRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public List<Permission> all() {
        return entityManager.createQuery("SELECT p FROM Permission p ORDER BY p.code", Permission.class)
                .getResultList();
    }

    public List<UserPermission> grantsOf(User user) {
        return entityManager.createQuery("SELECT g FROM UserPermission g WHERE g.user = :user",
                UserPermission.class)
                .setParameter("user", user)
                .getResultList();
    }

    public void grant(UserPermission grant) {
        Stored.persist(entityManager, grant);
    }

    public void withdraw(UserPermission grant) {
        entityManager.remove(grant);
        entityManager.flush();
    }
}
