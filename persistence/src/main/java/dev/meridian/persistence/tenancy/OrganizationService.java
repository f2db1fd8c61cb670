package dev.meridian.persistence.tenancy;

import java.util.List;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.Plan;
import dev.meridian.domain.tenancy.Slug;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Creating and listing organizations: platform admins across tenants, everyone else sees their own. */
@Stateless
public class OrganizationService {

    @Inject
    OrganizationRepository organizations;

    @Inject
    ActingContext context;

    public Organization create(String slug, String name, String planCode) {
        return context.onPlatform(() -> {
            var plan = organizations.findPlan(planCode == null ? Plan.DEFAULT_CODE : planCode)
                    .orElseThrow(() -> new InvalidInput("plan", "no such plan: " + planCode));
            return organizations.store(new Organization(Valid.slug(slug), name, plan));
        });
    }

    public List<Organization> page(int first, int size, String sortBy, boolean ascending) {
        return context.withCallersReach(() -> organizations.page(first, size, sortBy, ascending));
    }

    public long count() {
        return context.withCallersReach(organizations::count);
    }

    /** The organization with that slug if the caller may see it; another tenant's is simply not found. */
    public Organization bySlug(String slug) {
        return Valid.slugOrNotFound(slug)
                .flatMap(valid -> context.withCallersReach(() -> organizations.findBySlug(valid)))
                .orElseThrow(() -> new ResourceNotFound("no organization " + slug));
    }
}
