package dev.meridian.persistence.tenancy;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as an organization's user list shows them, with the codes of the permissions they hold. */
public record UserRow(UUID id, String username, String fullName, String email, String role, boolean active,
        Instant lastLoginAt, List<String> permissions) implements Serializable {

    public UserRow {
        permissions = List.copyOf(permissions);
    }

    /** The permission codes in one line, for the list and its CSV export. */
    public String permissionList() {
        return String.join(", ", permissions);
    }
}
