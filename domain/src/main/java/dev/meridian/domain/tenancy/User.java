package dev.meridian.domain.tenancy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A person who signs in, belonging to exactly one organization. Platform admins belong to the platform's own
 * organization and may act across tenants, explicitly.
 */
@Entity
@Table(name = "app_user")
public class User extends BaseEntity {

    /** The database's own check: one {@code @}, something either side, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final int EMAIL_MAX_LENGTH = 320;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_id", nullable = false, updatable = false)
    private Organization organization;

    @Column(name = "username", nullable = false, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "role", nullable = false)
    private Role role;

    @Column(name = "platform_admin", nullable = false, updatable = false)
    private boolean platformAdmin;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** Where e-mail notifications go; none, no e-mail. */
    @Column(name = "email")
    private String email;

    protected User() {
    }

    public User(Organization organization, Username username, String passwordHash, String fullName, Role role) {
        this(organization, username, passwordHash, fullName, role, false);
    }

    private User(Organization organization, Username username, String passwordHash, String fullName, Role role,
            boolean platformAdmin) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.username = Objects.requireNonNull(username, "username").value();
        this.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
        this.fullName = requireFullName(fullName);
        this.role = Objects.requireNonNull(role, "role");
        this.platformAdmin = platformAdmin;
    }

    /** The first platform admin, owner of the platform's own organization. */
    public static User platformAdmin(Organization platform, Username username, String passwordHash) {
        return new User(platform, username, passwordHash, "Platform administrator", Role.OWNER, true);
    }

    private static String requireFullName(String fullName) {
        if (fullName == null || fullName.isBlank() || fullName.strip().length() > 200) {
            throw new IllegalArgumentException("fullName must be 1 to 200 characters");
        }
        return fullName.strip();
    }

    public Organization getOrganization() {
        return organization;
    }

    public UUID getOrganizationId() {
        return organization.getId();
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = requireFullName(fullName);
    }

    public Role getRole() {
        return role;
    }

    public void changeRole(Role role) {
        this.role = Objects.requireNonNull(role, "role");
    }

    public boolean isPlatformAdmin() {
        return platformAdmin;
    }

    public boolean isActive() {
        return active;
    }

    public void deactivate() {
        active = false;
    }

    public void reactivate() {
        active = true;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Optional<String> getEmail() {
        return Optional.ofNullable(email);
    }

    /** Sets or, with a blank value, clears where e-mail notifications go. */
    public void setEmail(String email) {
        if (email == null || email.isBlank()) {
            this.email = null;
        } else if (EMAIL.matcher(email.strip()).matches() && email.strip().length() <= EMAIL_MAX_LENGTH) {
            this.email = email.strip();
        } else {
            throw new IllegalArgumentException("email must be an address like name@example.org");
        }
    }

    public void signedIn(Instant at) {
        lastLoginAt = Objects.requireNonNull(at, "at");
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
    }
}
