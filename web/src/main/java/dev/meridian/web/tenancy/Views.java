package dev.meridian.web.tenancy;

import java.time.Instant;
import java.util.List;

import dev.meridian.domain.tenancy.ApiKey;
import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.User;

/** What the API shows of tenancy entities: camelCase, opaque string ids, ISO-8601 UTC times. */
public final class Views {

    private Views() {
    }

    public record Page<T>(List<T> items) {
    }

    public record OrganizationView(String id, String slug, String name, String language, boolean active, String plan,
            Instant createdAt) {

        static OrganizationView of(Organization organization) {
            return new OrganizationView(organization.getId().toString(), organization.getSlug(),
                    organization.getName(), organization.getLanguage(), organization.isActive(),
                    organization.getPlan().getCode(), organization.getCreatedAt());
        }
    }

    public record UserView(String id, String username, String fullName, String email, String role, boolean active,
            Instant lastLoginAt,
            Instant createdAt) {

        static UserView of(User user) {
            return new UserView(user.getId().toString(), user.getUsername(), user.getFullName(),
                    user.getEmail().orElse(null), user.getRole().code(), user.isActive(), user.getLastLoginAt(),
                    user.getCreatedAt());
        }
    }

    public record KeyView(String id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            Instant expiresAt,
            Instant revokedAt) {

        static KeyView of(ApiKey key) {
            return new KeyView(key.getId().toString(), key.getName(), key.getPrefix(), key.getCreatedAt(),
                    key.getLastUsedAt(), key.getExpiresAt(), key.getRevokedAt());
        }
    }

    /** A new key with its secret, the only time the secret is ever shown. */
    public record IssuedKeyView(String id, String name, String prefix, String key, Instant createdAt) {
    }

    public record OrganizationRef(String id, String slug, String name) {
    }

    public record MeView(String id, String username, String fullName, String role, boolean platformAdmin,
            OrganizationRef organization) {

        static MeView of(User user) {
            var organization = user.getOrganization();
            return new MeView(user.getId().toString(), user.getUsername(), user.getFullName(), user.getRole().code(),
                    user.isPlatformAdmin(), new OrganizationRef(organization.getId().toString(),
                            organization.getSlug(), organization.getName()));
        }
    }
}
