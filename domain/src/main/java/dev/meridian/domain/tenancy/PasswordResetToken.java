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

/** A one-time, expiring permission to set a user's password; only its hash is stored. */
@Entity
@Table(name = "password_reset_token")
public class PasswordResetToken extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordResetToken() {
    }

    public PasswordResetToken(User user, PasswordResetSecret secret, Instant expiresAt) {
        this.user = Objects.requireNonNull(user, "user");
        this.organizationId = user.getOrganizationId();
        this.tokenHash = Objects.requireNonNull(secret, "secret").hash();
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public User getUser() {
        return user;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Spends the token; a spent or expired token cannot be used again. */
    public void use(Instant now) {
        if (!isUsable(now)) {
            throw new IllegalStateException("password reset token is used or expired");
        }
        usedAt = now;
    }
}
