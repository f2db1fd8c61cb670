package dev.meridian.persistence.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.Plan;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.notifications.WebhookTargets;
import dev.meridian.persistence.problems.AccessDenied;
import dev.meridian.persistence.problems.Conflict;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Organizations: platform admins create them, put them on a plan, activate or deactivate them and delete an
 * empty deactivated one, across tenants and audited; an organization's owners and admins see and rename their
 * own. Everyone else sees their own organization only, and another tenant's is simply not found.
 */
@Stateless
public class OrganizationService {

    private static final String CHANNELS_DENIED = "only the organization's owners and admins see and change its notification channels";

    @Inject
    OrganizationRepository organizations;

    @Inject
    PlanRepository plans;

    @Inject
    ActingContext context;

    public Organization create(String slug, String name, String planCode) {
        return context.onPlatform(() -> {
            var plan = plan(planCode == null ? Plan.DEFAULT_CODE : planCode);
            var validSlug = Valid.slug(slug);
            return organizations.store(Valid.field("name", name, valid -> new Organization(validSlug, valid, plan)));
        });
    }

    /** A page of the organizations the caller sees whose slug or name contains {@code text}. */
    public List<Organization> page(String text, int first, int size, String sortBy, boolean ascending) {
        return context.withCallersReach(() -> organizations.page(text, first, size, sortBy, ascending));
    }

    public long count(String text) {
        return context.withCallersReach(() -> organizations.count(text));
    }

    /** The organization with that slug if the caller may see it; another tenant's is simply not found. */
    public Organization bySlug(String slug) {
        return Valid.slugOrNotFound(slug)
                .flatMap(valid -> context.withCallersReach(() -> organizations.findBySlug(valid)))
                .orElseThrow(() -> new ResourceNotFound("no organization " + slug));
    }

    /**
     * Renames the organization and puts it on the plan with that code (unchanged when null or its current one).
     * Its owners and admins may rename it; only a platform admin changes its plan.
     */
    public Organization edit(UUID id, String name, String planCode) {
        return context.withCallersReach(() -> {
            var organization = visible(id);
            requireAdministers(organization, "only the organization's owners and admins edit it");
            var plan = planCode == null ? organization.getPlan() : plan(planCode);
            if (!plan.equals(organization.getPlan())) {
                requirePlatformAdmin("only platform admins change an organization's plan");
                organization.changePlan(plan);
            }
            Valid.field("name", name, valid -> {
                organization.setName(valid);
                return organization;
            });
            organizations.flush();
            return organization;
        });
    }

    /**
     * Where the organization's notifications go: posted to a webhook signed with its secret, when a URL is given,
     * and e-mailed to its users, when {@code email}. A blank URL removes the webhook; a blank secret keeps the
     * current one, so that changing the URL does not mean typing the secret again. Its owners and admins decide.
     */
    public Organization setNotificationChannels(UUID id, String webhookUrl, String webhookSecret, boolean email) {
        return context.withCallersReach(() -> {
            var organization = visible(id);
            requireAdministers(organization, CHANNELS_DENIED);
            organization.setWebhook(webhook(organization, webhookUrl, webhookSecret).orElse(null));
            organization.setEmailNotifications(email);
            organizations.flush();
            return organization;
        });
    }

    /** The organization's notification channels, which only its owners and admins see (the secret aside). */
    public Organization notificationChannels(String slug) {
        var organization = bySlug(slug);
        requireAdministers(organization, CHANNELS_DENIED);
        return organization;
    }

    private static Optional<Organization.Webhook> webhook(Organization organization, String url, String secret) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        var validUrl = Valid.field("webhookUrl", url.strip(),
                checked -> WebhookTargets.fromConfig().checked(Organization.Webhook.checkedUrl(checked)));
        var validSecret = secret == null || secret.isEmpty()
                ? organization.getWebhook().map(Organization.Webhook::secret)
                        .orElseThrow(() -> new InvalidInput("webhookSecret", "a new webhook needs a secret"))
                : Valid.field("webhookSecret", secret, Organization.Webhook::checkedSecret);
        return Optional.of(new Organization.Webhook(validUrl, validSecret));
    }

    private void requireAdministers(Organization organization, String denial) {
        if (!context.requireCaller().administers(organization.getId())) {
            throw new AccessDenied(denial);
        }
    }

    /** Stops the organization: its users no longer sign in and its API keys no longer authenticate. */
    public Organization deactivate(UUID id) {
        return platformDecision(id, organization -> {
            if (organization.getId().equals(context.requireCaller().organizationId())) {
                throw new Conflict("you cannot deactivate your own organization: you would lock yourself out");
            }
            organization.deactivate();
        });
    }

    public Organization activate(UUID id) {
        return platformDecision(id, Organization::activate);
    }

    /**
     * Deletes an organization created by mistake: only a deactivated one, never the caller's own, and only while
     * it holds no users, no places and no API usage (its statements are priced from that). Its change events go
     * with it; the change log, security events and daily metrics keep its id, as history does.
     */
    public void delete(UUID id) {
        requirePlatformAdmin("only platform admins delete organizations");
        context.onPlatform(() -> {
            var organization = visible(id);
            var slug = organization.getSlug();
            if (organization.getId().equals(context.requireCaller().organizationId())) {
                throw new Conflict("you cannot delete your own organization");
            }
            if (organization.isActive()) {
                throw new Conflict(slug + " is active: deactivate it first");
            }
            var holdings = organizations.holdings(id);
            var held = Stream.of(counted(holdings.users(), "user"), counted(holdings.places(), "place"))
                    .flatMap(Optional::stream)
                    .collect(Collectors.joining(" and "));
            if (!held.isEmpty()) {
                throw new Conflict(slug + " still has " + held
                        + ": only an empty organization is deleted; keep it deactivated instead");
            }
            if (holdings.usage()) {
                throw new Conflict(slug + " has API usage on record for its statements; keep it deactivated instead");
            }
            organizations.remove(organization);
            return null;
        });
    }

    private Organization platformDecision(UUID id, Consumer<Organization> decision) {
        requirePlatformAdmin("only platform admins activate or deactivate organizations");
        return context.onPlatform(() -> {
            var organization = visible(id);
            decision.accept(organization);
            organizations.flush();
            return organization;
        });
    }

    private static Optional<String> counted(long count, String noun) {
        return count == 0 ? Optional.empty() : Optional.of(count + " " + noun + (count == 1 ? "" : "s"));
    }

    private void requirePlatformAdmin(String denial) {
        if (!context.requireCaller().platformAdmin()) {
            throw new AccessDenied(denial);
        }
    }

    private Organization visible(UUID id) {
        return organizations.find(id).orElseThrow(() -> new ResourceNotFound("no organization " + id));
    }

    private Plan plan(String code) {
        return plans.findByCode(code).orElseThrow(() -> new InvalidInput("plan", "no such plan: " + code));
    }
}
