package dev.meridian.persistence.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.tenancy.ApiKey;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.context.RowLevelSecured;
import dev.meridian.persistence.paging.Columns;
import dev.meridian.persistence.paging.Conditions;
import dev.meridian.persistence.paging.Counting;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** API keys the acting context may see. */
@Stateless
@RowLevelSecured
public class ApiKeyRepository {

    private static final String KEYS = "api_key k JOIN app_user u ON u.id = k.user_id";
    private static final Map<String, String> SORTS = Map.of("name", "k.name", "prefix", "k.prefix", "owner",
            "u.username", "createdAt", "k.created_at", "lastUsedAt", "k.last_used_at", "expiresAt",
            "k.expires_at", "revokedAt", "k.revoked_at");

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public Optional<ApiKey> find(UUID id) {
        return Optional.ofNullable(entityManager.find(ApiKey.class, id));
    }

    public List<ApiKey> ownedBy(User owner) {
        return entityManager.createQuery("SELECT k FROM ApiKey k WHERE k.owner = :owner ORDER BY k.createdAt DESC",
                ApiKey.class)
                .setParameter("owner", owner)
                .getResultList();
    }

    /** One page of an organization's keys, narrowed to those whose name, prefix or owner holds the text. */
    public List<KeyRow> page(UUID organizationId, String text, int first, int size, String sortBy,
            boolean ascending) {
        var conditions = conditions(organizationId, text);
        List<?> rows = conditions.bind(entityManager.createNativeQuery("SELECT k.id, k.name, k.prefix, u.username,"
                + " k.created_at, k.last_used_at, k.expires_at, k.revoked_at FROM " + KEYS + conditions.where()
                + " ORDER BY " + SORTS.getOrDefault(sortBy, "k.created_at") + (ascending ? " ASC" : " DESC")
                + " NULLS LAST, k.id"))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Columns.pageSize(size))
                .getResultList();
        return rows.stream().map(row -> {
            var c = (Object[]) row;
            return new KeyRow(Columns.uuid(c[0]), Columns.text(c[1]), Columns.text(c[2]), Columns.text(c[3]),
                    Columns.instant(c[4]), Columns.instant(c[5]), Columns.instant(c[6]), Columns.instant(c[7]));
        }).toList();
    }

    public long count(UUID organizationId, String text) {
        // always narrowed to one organization, so never the whole table's estimate
        return Counting.count(entityManager, KEYS, conditions(organizationId, text), "public.api_key", false);
    }

    public ApiKey store(ApiKey key) {
        return Stored.persist(entityManager, key);
    }

    /** Deletes the key now; the entity listeners see it go. */
    public void remove(ApiKey key) {
        Stored.remove(entityManager, key, "key " + key.getName());
    }

    private static Conditions conditions(UUID organizationId, String text) {
        return new Conditions()
                .add("k.organization_id = CAST(? AS uuid)", organizationId.toString())
                .add("concat_ws(' ', k.name, k.prefix, u.username) ILIKE '%' || ? || '%'", text);
    }
}
