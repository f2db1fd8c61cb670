package dev.meridian.persistence.tenancy;

import java.util.List;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.AccessDenied;
import dev.meridian.persistence.problems.InvalidInput;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * An organization's users, managed by its owners and admins or by a platform admin. Another tenant's
 * organization is not found (row-level security hides it); one's own, without the role, is denied.
 */
@Stateless
public class UserService {

    static final int MIN_PASSWORD_LENGTH = 12;

    @Inject
    OrganizationService organizations;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    ActingContext context;

    public User create(String organizationSlug, String username, String password, String fullName, String role) {
        return context.withCallersReach(() -> {
            var organization = administered(organizationSlug);
            var name = Valid.username(username);
            var userRole = Valid.role(role);
            if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
                throw new InvalidInput("password", "password must be at least " + MIN_PASSWORD_LENGTH + " characters");
            }
            var user = Valid.field("fullName", fullName,
                    full -> new User(organization, name, hasher.hash(password), full, userRole));
            return users.store(user);
        });
    }

    public List<User> of(String organizationSlug) {
        return context.withCallersReach(() -> users.of(administered(organizationSlug)));
    }

    private Organization administered(String slug) {
        var organization = organizations.bySlug(slug);
        if (!context.requireCaller().administers(organization.getId())) {
            throw new AccessDenied("only the organization's owners and admins manage its users");
        }
        return organization;
    }
}
