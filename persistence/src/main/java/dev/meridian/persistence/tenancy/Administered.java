package dev.meridian.persistence.tenancy;

import java.util.UUID;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.audit.CrossTenantProbe;
import dev.meridian.persistence.audit.TenantTable;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.AccessDenied;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * What a caller manages people and keys of: an organization, or one of its users, found under row-level
 * security (another tenant's is not found), then the caller's role checked (one's own tenant without the
 * owner or admin role is denied). Services call it inside their transaction and reach.
 */
@Dependent
class Administered {

    @Inject
    OrganizationService organizations;

    @Inject
    UserRepository users;

    @Inject
    ActingContext context;

    @Inject
    CrossTenantProbe probe;

    Organization organization(String slug) {
        var organization = organizations.bySlug(slug);
        require(organization.getId());
        return organization;
    }

    User user(UUID id) {
        var user = users.find(id).orElseThrow(() -> probe.notFound(TenantTable.USER, id));
        require(user.getOrganizationId());
        return user;
    }

    private void require(UUID organizationId) {
        if (!context.requireCaller().administers(organizationId)) {
            throw new AccessDenied("only the organization's owners and admins manage its users and keys");
        }
    }
}
