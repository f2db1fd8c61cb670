package dev.meridian.domain.tenancy;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A machine client's credential, owned by a user. Its secret is shown once, at creation, and stored as a
 * hash.
 */
@Entity
@Table(name = "api_key")
public class ApiKey extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User owner;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "prefix", nullable = false, updatable = false)
    private String prefix;

    @Column(name = "secret_hash", nullable = false, updatable = false)
    private String secretHash;

    @Column(name = "scopes", nullable = false)
    private String scopes = "";

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(User owner, String name, ApiKeyToken token) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.organizationId = owner.getOrganizationId();
        this.name = requireName(name);
        this.prefix = token.prefix();
        this.secretHash = token.hash();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("name must be 1 to 100 characters");
        }
        return name.strip();
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public User getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Revoking is final; revoking twice keeps the first time. */
    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = Objects.requireNonNull(at, "at");
        }
    }
}
