package dev.meridian.domain.tenancy;

import java.util.Objects;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A permission granted to one user; carries the tenant so row-level security can judge it alone. */
@Entity
@Table(name = "user_permission")
public class UserPermission extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @ManyToOne(optional = false)
    @JoinColumn(name = "permission_id", nullable = false, updatable = false)
    private Permission permission;

    protected UserPermission() {
    }

    public UserPermission(User user, Permission permission) {
        this.user = Objects.requireNonNull(user, "user");
        this.organizationId = user.getOrganizationId();
        this.permission = Objects.requireNonNull(permission, "permission");
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public User getUser() {
        return user;
    }

    public Permission getPermission() {
        return permission;
    }
}
