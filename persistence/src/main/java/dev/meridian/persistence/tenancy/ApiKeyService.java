package dev.meridian.persistence.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.meridian.domain.tenancy.ApiKey;
import dev.meridian.domain.tenancy.ApiKeyToken;
import dev.meridian.domain.tenancy.User;
import dev.meridian.domain.tenancy.Username;
import dev.meridian.persistence.audit.CrossTenantProbe;
import dev.meridian.persistence.audit.SecurityEvents;
import dev.meridian.persistence.audit.TenantTable;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.Conflict;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * API keys: the caller's own, created with a secret shown once, listed, revoked and deleted; and an
 * organization's, which its owners and admins (or a platform admin) list, create for one of its users, revoke
 * and delete. Another tenant's key or user is not found.
 */
@Stateless
public class ApiKeyService {

    /** A new key and the only copy of its secret there will ever be. */
    public record Issued(ApiKey key, ApiKeyToken token) {
    }

    @Inject
    ApiKeyRepository keys;

    @Inject
    UserRepository users;

    @Inject
    Administered administered;

    @Inject
    ActingContext context;

    @Inject
    CrossTenantProbe probe;

    @Inject
    SecurityEvents events;

    public Issued issue(String name) {
        var owner = users.find(context.requireCaller().userId())
                .orElseThrow(() -> new ResourceNotFound("caller is gone"));
        return issue(owner, name);
    }

    /** Creates a key for a user of the organization; a deactivated user gets none. */
    public Issued issueFor(String organizationSlug, String username, String name) {
        return context.withCallersReach(() -> {
            var organization = administered.organization(organizationSlug);
            var owner = users.findByUsername(Valid.field("owner", username, Username::new))
                    .filter(user -> user.getOrganizationId().equals(organization.getId()))
                    .orElseThrow(() -> new ResourceNotFound("no user " + username + " in " + organizationSlug));
            if (!owner.isActive()) {
                throw new Conflict("a deactivated user gets no key");
            }
            return issue(owner, name);
        });
    }

    public List<ApiKey> mine() {
        return users.find(context.requireCaller().userId()).map(keys::ownedBy).orElse(List.of());
    }

    /** One page of the organization's keys, narrowed to a text in name, prefix or owner when given. */
    public List<KeyRow> page(String organizationSlug, String text, int first, int size, String sortBy,
            boolean ascending) {
        return context.withCallersReach(() -> keys.page(administered.organization(organizationSlug).getId(), text,
                first, size, sortBy, ascending));
    }

    public long count(String organizationSlug, String text) {
        return context.withCallersReach(() -> keys.count(administered.organization(organizationSlug).getId(),
                text));
    }

    /**
     * Revokes one of the caller's keys, or any key of an organization the caller administers (a platform admin's
     * reach is every tenant). It stops authenticating once this commits ({@link ApiKeyLogins} forgets it).
     */
    public ApiKey revoke(UUID id) {
        return context.withCallersReach(() -> {
            var key = reachable(id);
            key.revoke(Instant.now());
            events.keyRevoked(key.getOrganizationId(), key.getId(), key.getPrefix(), false);
            return key;
        });
    }

    /**
     * Deletes a key for good, with the same reach as {@link #revoke}; it stops authenticating once this commits.
     * Its usage stays on record: the usage log and rollups keep the key's id without a foreign key.
     */
    public void delete(UUID id) {
        context.withCallersReach(() -> {
            var key = reachable(id);
            keys.remove(key);
            events.keyRevoked(key.getOrganizationId(), key.getId(), key.getPrefix(), true);
            return null;
        });
    }

    private ApiKey reachable(UUID id) {
        var caller = context.requireCaller();
        return keys.find(id)
                .filter(found -> found.getOwner().getId().equals(caller.userId())
                        || caller.administers(found.getOrganizationId()))
                .orElseThrow(() -> probe.notFound(TenantTable.API_KEY, id));
    }

    private Issued issue(User owner, String name) {
        var token = ApiKeyToken.generate();
        var key = Valid.field("name", name, valid -> new ApiKey(owner, valid, token));
        return new Issued(keys.store(key), token);
    }
}
