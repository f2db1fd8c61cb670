package dev.meridian.persistence.tenancy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.Role;
import dev.meridian.domain.tenancy.User;
import dev.meridian.domain.tenancy.Username;
import dev.meridian.persistence.context.RowLevelSecured;
import dev.meridian.persistence.paging.Columns;
import dev.meridian.persistence.paging.Conditions;
import dev.meridian.persistence.paging.Counting;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Users the acting context may see. */
@Stateless
@RowLevelSecured
public class UserRepository {

    private static final Map<String, String> SORTS = Map.of("username", "u.username", "fullName", "u.full_name",
            "email", "u.email", "role", "u.role", "active", "u.active", "lastLoginAt", "u.last_login_at");

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public Optional<User> find(UUID id) {
        return Optional.ofNullable(entityManager.find(User.class, id));
    }

    public Optional<User> findByUsername(Username username) {
        return entityManager.createQuery("SELECT u FROM User u WHERE u.username = :username", User.class)
                .setParameter("username", username.value())
                .getResultStream()
                .findFirst();
    }

    public List<User> of(Organization organization) {
        return entityManager.createQuery("SELECT u FROM User u WHERE u.organization = :organization"
                + " ORDER BY u.username", User.class)
                .setParameter("organization", organization)
                .getResultList();
    }

    /** One page of an organization's users, narrowed to those whose username, name or e-mail holds the text. */
    public List<UserRow> page(UUID organizationId, String text, int first, int size, String sortBy,
            boolean ascending) {
        var conditions = conditions(organizationId, text);
        List<?> rows = conditions.bind(entityManager.createNativeQuery("SELECT u.id, u.username, u.full_name,"
                + " u.email, u.role, u.active, u.last_login_at, (SELECT string_agg(p.code, ',' ORDER BY p.code)"
                + " FROM user_permission up JOIN permission p ON p.id = up.permission_id WHERE up.user_id = u.id)"
                + " FROM app_user u" + conditions.where() + " ORDER BY " + SORTS.getOrDefault(sortBy, "u.username")
                + (ascending ? " ASC" : " DESC") + " NULLS LAST, u.id"))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Columns.pageSize(size))
                .getResultList();
        return rows.stream().map(row -> {
            var c = (Object[]) row;
            var permissions = Columns.text(c[7]);
            return new UserRow(Columns.uuid(c[0]), Columns.text(c[1]), Columns.text(c[2]), Columns.text(c[3]),
                    Columns.text(c[4]), (Boolean) c[5], Columns.instant(c[6]),
                    permissions == null ? List.of() : Arrays.asList(permissions.split(",")));
        }).toList();
    }

    public long count(UUID organizationId, String text) {
        // always narrowed to one organization, so never the whole table's estimate
        return Counting.count(entityManager, "app_user u", conditions(organizationId, text), "public.app_user",
                false);
    }

    /** How many active owners the organization has other than the given user. */
    public long otherActiveOwners(User user) {
        return entityManager.createQuery("SELECT count(u) FROM User u WHERE u.organization = :organization"
                + " AND u.role = :owner AND u.active = TRUE AND u <> :user", Long.class)
                .setParameter("organization", user.getOrganization())
                .setParameter("owner", Role.OWNER)
                .setParameter("user", user)
                .getSingleResult();
    }

    public User store(User user) {
        return Stored.persist(entityManager, user);
    }

    /** Writes an edited user now, so a conflict answers inside the use case. */
    public void flush() {
        Stored.flush(entityManager);
    }

    /** Deletes the user now, with what the database cascades; the entity listeners see it go. */
    public void remove(User user) {
        Stored.remove(entityManager, user, "user " + user.getUsername());
    }

    private static Conditions conditions(UUID organizationId, String text) {
        return new Conditions()
                .add("u.organization_id = CAST(? AS uuid)", organizationId.toString())
                .add("concat_ws(' ', u.username, u.full_name, u.email) ILIKE '%' || ? || '%'", text);
    }
}
