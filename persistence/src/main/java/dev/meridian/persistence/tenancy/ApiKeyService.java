package dev.meridian.persistence.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.meridian.domain.tenancy.ApiKey;
import dev.meridian.domain.tenancy.ApiKeyToken;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The caller's API keys: created with a secret shown once, listed, revoked. */
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
    ActingContext context;

    public Issued issue(String name) {
        var owner = users.find(context.requireCaller().userId())
                .orElseThrow(() -> new ResourceNotFound("caller is gone"));
        var token = ApiKeyToken.generate();
        var key = Valid.field("name", name, valid -> new ApiKey(owner, valid, token));
        return new Issued(keys.store(key), token);
    }

    public List<ApiKey> mine() {
        return users.find(context.requireCaller().userId()).map(keys::ownedBy).orElse(List.of());
    }

    /** Revokes one of the caller's keys, or any key of an organization the caller administers. */
    public ApiKey revoke(UUID id) {
        var caller = context.requireCaller();
        var key = keys.find(id)
                .filter(found -> found.getOwner().getId().equals(caller.userId())
                        || caller.administers(found.getOrganizationId()))
                .orElseThrow(() -> new ResourceNotFound("no key " + id));
        key.revoke(Instant.now());
        return key;
    }
}
