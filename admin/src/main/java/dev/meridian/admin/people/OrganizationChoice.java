package dev.meridian.admin.people;

import java.io.Serializable;
import java.util.List;

import dev.meridian.admin.display.Feedback;
import dev.meridian.admin.security.PortalSession;
import dev.meridian.domain.tenancy.Organization;
import dev.meridian.persistence.tenancy.OrganizationService;
import dev.meridian.persistence.tenancy.ProfileService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The organization the users and keys pages work on, always chosen explicitly: an organization admin's own,
 * or the one a platform admin picks (nothing is shown until then). {@code ?organization=<slug>} chooses one
 * from a link. Whatever a URL or a form says, the slug is looked up under row-level security, here and again
 * by every service call: another tenant's is not found.
 */
@Named
@ViewScoped
public class OrganizationChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    /** As many organizations as one completion of the platform admin's typing suggests. */
    private static final int SUGGESTIONS = 20;

    /** An organization as the page names it. */
    public record Option(String slug, String name) implements Serializable {

        static Option of(Organization organization) {
            return new Option(organization.getSlug(), organization.getName());
        }
    }

    @Inject
    OrganizationService organizations;

    @Inject
    ProfileService profile;

    @Inject
    PortalSession session;

    private String slug;
    private Option chosen;

    @PostConstruct
    void init() {
        var requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("organization");
        if (requested != null && !requested.isBlank()) {
            slug = requested.strip();
            choose();
        } else if (!session.isPlatformAdmin()) {
            chosen = Option.of(profile.me().getOrganization());
            slug = chosen.slug();
        }
    }

    /** Chooses the organization of {@link #getSlug()}; one the caller may not see is not found. */
    public void choose() {
        chosen = slug == null || slug.isBlank()
                ? null
                : Feedback.attempt(() -> Option.of(organizations.bySlug(slug)), null);
    }

    /** The chosen organization's slug, or null: the services find nothing for it. */
    public String chosenSlug() {
        return chosen == null ? null : chosen.slug();
    }

    public boolean isMade() {
        return chosen != null;
    }

    public Option getChosen() {
        return chosen;
    }

    /** The slugs of the organizations whose slug or name contains what the platform admin typed. */
    public List<String> complete(String typed) {
        return organizations.page(typed, 0, SUGGESTIONS, "slug", true).stream().map(Organization::getSlug).toList();
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }
}
