package dev.meridian.persistence.context;

import java.util.Objects;
import java.util.UUID;

/**
 * The row-level security context of a transaction: tenant, user and scope, as PostgreSQL's policies read
 * them.
 */
public record Acting(UUID tenantId, UUID userId, Scope scope) {

    /** No one: policies let no tenant row through. */
    public static final Acting NOBODY = new Acting(null, null, Scope.NONE);

    public Acting {
        Objects.requireNonNull(scope, "scope");
        if (scope == Scope.TENANT && (tenantId == null || userId == null)) {
            throw new IllegalArgumentException("tenant scope needs a tenant and a user");
        }
    }

    public static Acting inTenant(UUID tenantId, UUID userId) {
        return new Acting(tenantId, userId, Scope.TENANT);
    }

    /** Platform scope keeps the acting user (and their tenant) so every cross-tenant change names its actor. */
    public static Acting onPlatform(UUID tenantId, UUID userId) {
        return new Acting(tenantId, userId, Scope.PLATFORM);
    }

    String tenantSetting() {
        return tenantId == null ? "" : tenantId.toString();
    }

    String userSetting() {
        return userId == null ? "" : userId.toString();
    }
}
