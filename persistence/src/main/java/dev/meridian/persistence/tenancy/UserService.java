package dev.meridian.persistence.tenancy;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.meridian.domain.tenancy.Permission;
import dev.meridian.domain.tenancy.Role;
import dev.meridian.domain.tenancy.User;
import dev.meridian.domain.tenancy.UserPermission;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.AccessDenied;
import dev.meridian.persistence.problems.Conflict;
import dev.meridian.persistence.problems.InvalidInput;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * An organization's users, managed by its owners and admins or by a platform admin. Another tenant's
 * organization or user is not found (row-level security hides it); one's own, without the role, is denied.
 * Only an owner (or a platform admin) makes, unmakes or deletes an owner, nobody changes their own role or
 * deactivates or deletes themselves, and an organization keeps at least one active owner.
 */
@Stateless
public class UserService {

    @Inject
    Administered administered;

    @Inject
    UserRepository users;

    @Inject
    PermissionRepository permissions;

    @Inject
    PasswordHasher hasher;

    @Inject
    ActingContext context;

    /** Creates a user; a blank e-mail leaves them without one. */
    public User create(String organizationSlug, String username, String password, String fullName, String role,
            String email) {
        return context.withCallersReach(() -> {
            var organization = administered.organization(organizationSlug);
            var name = Valid.username(username);
            var userRole = Valid.role(role);
            requireOwnerFor(userRole);
            var passwordHash = hasher.hash(Valid.password(password));
            var user = Valid.field("fullName", fullName,
                    full -> new User(organization, name, passwordHash, full, userRole));
            setEmail(user, email);
            return users.store(user);
        });
    }

    public List<User> of(String organizationSlug) {
        return context.withCallersReach(() -> users.of(administered.organization(organizationSlug)));
    }

    /** One page of the organization's users, narrowed to a text in username, full name or e-mail when given. */
    public List<UserRow> page(String organizationSlug, String text, int first, int size, String sortBy,
            boolean ascending) {
        return context.withCallersReach(() -> users.page(administered.organization(organizationSlug).getId(), text,
                first, size, sortBy, ascending));
    }

    public long count(String organizationSlug, String text) {
        return context.withCallersReach(() -> users.count(administered.organization(organizationSlug).getId(),
                text));
    }

    /** Renames a user and sets their role and e-mail (a blank one clears it). */
    public User edit(UUID id, String fullName, String role, String email) {
        return context.withCallersReach(() -> {
            var user = administered.user(id);
            var newRole = Valid.role(role);
            if (newRole != user.getRole()) {
                requireNotSelf(user, "change your own role");
                requireOwnerFor(user.getRole());
                requireOwnerFor(newRole);
                if (user.getRole() == Role.OWNER) {
                    requireAnotherOwner(user);
                }
                user.changeRole(newRole);
            }
            Valid.field("fullName", fullName, full -> {
                user.setFullName(full);
                return user;
            });
            setEmail(user, email);
            users.flush();
            return user;
        });
    }

    /** Deactivates a user: they no longer sign in, and their API keys no longer authenticate. */
    public User deactivate(UUID id) {
        return context.withCallersReach(() -> {
            var user = administered.user(id);
            requireMayBeRemoved(user, "deactivate yourself");
            user.deactivate();
            users.flush();
            return user;
        });
    }

    /** Lets a deactivated user sign in again; their keys that were not revoked authenticate again. */
    public User reactivate(UUID id) {
        return context.withCallersReach(() -> {
            var user = administered.user(id);
            requireOwnerFor(user.getRole());
            user.reactivate();
            users.flush();
            return user;
        });
    }

    /**
     * Deletes a user for good, under the same rules as {@link #deactivate}. Their reviews, API keys, permissions,
     * preferences, follows, notifications and reset tokens go with them (the database cascades); their usage and
     * the change log stay. A user who wrote on support tickets stays (a conflict): deactivate them instead.
     */
    public void delete(UUID id) {
        context.withCallersReach(() -> {
            var user = administered.user(id);
            requireMayBeRemoved(user, "delete yourself");
            users.remove(user);
            return null;
        });
    }

    /** Every permission there is, to grant. */
    public List<PermissionOption> permissions() {
        return context.withCallersReach(() -> permissions.all().stream()
                .map(permission -> new PermissionOption(permission.getCode(), permission.getDescription()))
                .toList());
    }

    /** Grants the user exactly these permissions (by code): the others they held are withdrawn. */
    public void grantOnly(UUID id, Collection<String> codes) {
        context.withCallersReach(() -> {
            var user = administered.user(id);
            var wanted = Set.copyOf(codes);
            var known = permissions.all().stream().collect(Collectors.toMap(Permission::getCode, p -> p));
            wanted.stream().filter(code -> !known.containsKey(code)).findFirst().ifPresent(code -> {
                throw new InvalidInput("permissions", "no such permission: " + code);
            });
            var held = permissions.grantsOf(user);
            held.stream().filter(grant -> !wanted.contains(grant.getPermission().getCode()))
                    .forEach(permissions::withdraw);
            var heldCodes = held.stream().map(grant -> grant.getPermission().getCode()).collect(Collectors.toSet());
            wanted.stream().filter(code -> !heldCodes.contains(code))
                    .forEach(code -> permissions.grant(new UserPermission(user, known.get(code))));
            return user;
        });
    }

    private static void setEmail(User user, String email) {
        Valid.field("email", email == null ? "" : email, address -> {
            user.setEmail(address);
            return user;
        });
    }

    /** Deactivating or deleting: never oneself, an owner only by an owner, and never the last active owner. */
    private void requireMayBeRemoved(User user, String self) {
        requireNotSelf(user, self);
        requireOwnerFor(user.getRole());
        if (user.getRole() == Role.OWNER && user.isActive()) {
            requireAnotherOwner(user);
        }
    }

    private void requireNotSelf(User user, String what) {
        if (user.getId().equals(context.requireCaller().userId())) {
            throw new Conflict("you cannot " + what);
        }
    }

    private void requireOwnerFor(Role role) {
        var caller = context.requireCaller();
        if (role == Role.OWNER && !caller.platformAdmin() && caller.role() != Role.OWNER) {
            throw new AccessDenied("only owners make or unmake owners");
        }
    }

    private void requireAnotherOwner(User owner) {
        if (users.otherActiveOwners(owner) == 0) {
            throw new Conflict("an organization keeps at least one active owner");
        }
    }
}
