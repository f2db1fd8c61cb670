package dev.meridian.persistence.context;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import dev.meridian.domain.tenancy.Role;

/** An authenticated user, as the API and the portal know them for the rest of a request. */
public record Caller(UUID userId, UUID organizationId, String username, Role role, boolean platformAdmin)
        implements
            Serializable {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    /** Administers the given organization: its owners and admins, or any platform admin. */
    public boolean administers(UUID organization) {
        return platformAdmin || role.administers() && organizationId.equals(organization);
    }
}
