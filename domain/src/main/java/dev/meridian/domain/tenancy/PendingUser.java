package dev.meridian.domain.tenancy;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Someone invited to an organization who has not yet verified their e-mail address. */
@Entity
@Table(name = "pending_user")
public class PendingUser extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @Column(name = "username", nullable = false, updatable = false)
    private String username;

    @Column(name = "email", nullable = false)
    private String email;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "role", nullable = false)
    private Role role;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PendingUser() {
    }

    public PendingUser(Organization organization, Username username, String email, String fullName, Role role,
            String tokenHash, Instant expiresAt) {
        this.organizationId = Objects.requireNonNull(organization, "organization").getId();
        this.username = Objects.requireNonNull(username, "username").value();
        this.email = Objects.requireNonNull(email, "email");
        this.fullName = Objects.requireNonNull(fullName, "fullName");
        this.role = Objects.requireNonNull(role, "role");
        this.tokenHash = Objects.requireNonNull(tokenHash, "token hash");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getFullName() {
        return fullName;
    }

    public Role getRole() {
        return role;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
