package dev.meridian.admin.tenancy;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import org.primefaces.model.LazyDataModel;

import dev.meridian.admin.display.Feedback;
import dev.meridian.admin.display.ServerPagedModel;
import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.Plan;
import dev.meridian.persistence.tenancy.OrganizationService;
import dev.meridian.persistence.tenancy.PlanService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The organizations page: every tenant for a platform admin, who creates organizations, changes their plan,
 * activates or deactivates them and deletes one created by mistake; one's own organization otherwise, which
 * its owners and admins may rename and whose notification channels (webhook, e-mail) they set. The services
 * decide who may do what; the page only hides what would be refused. The edit form carries the organization's
 * id back: looked up under row-level security, a forged id of another tenant is not found.
 */
@Named
@ViewScoped
public class OrganizationsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganizationService organizations;

    @Inject
    PlanService plans;

    private LazyDataModel<Organization> rows;
    private List<Plan> planChoices;
    private String text;

    @NotBlank(message = "Give the organization a slug")
    private String newSlug;

    @NotBlank(message = "Give the organization a name")
    @Size(max = 200, message = "A name is at most 200 characters")
    private String newName;

    private String newPlan = Plan.DEFAULT_CODE;

    @NotBlank(message = "Choose an organization to edit")
    @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "Not an organization id")
    private String id;

    @NotBlank(message = "An organization needs a name")
    @Size(max = 200, message = "A name is at most 200 characters")
    private String name;

    private String plan;

    private String webhookUrl;

    // write-only: the dialog never shows the current secret, and a blank one keeps it
    private String webhookSecret;

    private boolean emailNotifications;

    @PostConstruct
    void init() {
        rows = new ServerPagedModel<>((first, size, sortBy, ascending) -> organizations.page(text, first, size,
                sortBy, ascending), () -> organizations.count(text), Organization::getId, "slug", true);
        planChoices = plans.choices();
    }

    public void create() {
        var created = Feedback.attemptInDialog(() -> organizations.create(newSlug, newName, newPlan),
                "Organization " + newSlug + " created");
        if (created != null) {
            newSlug = newName = null;
            newPlan = Plan.DEFAULT_CODE;
        }
    }

    public void edit(Organization organization) {
        id = organization.getId().toString();
        name = organization.getName();
        plan = organization.getPlan().getCode();
    }

    public void save() {
        // an organization admin's form has no plan field: the plan edit() read goes back unchanged
        Feedback.attemptInDialog(() -> organizations.edit(UUID.fromString(id), name, plan), "Organization saved");
    }

    /** Fills the channels' dialog from the organization as it is now, not as the table's row read it. */
    public void editChannels(Organization row) {
        // gone since the table was read: the dialog is left without an organization to save to
        id = webhookUrl = webhookSecret = null;
        emailNotifications = false;
        var organization = Feedback.attempt(() -> organizations.notificationChannels(row.getSlug()), null);
        if (organization != null) {
            id = organization.getId().toString();
            webhookUrl = organization.getWebhook().map(Organization.Webhook::url).orElse(null);
            emailNotifications = organization.isEmailNotifications();
        }
    }

    public void saveChannels() {
        Feedback.attemptInDialog(() -> organizations.setNotificationChannels(UUID.fromString(id), webhookUrl,
                webhookSecret, emailNotifications), "Notification channels saved");
        webhookSecret = null;
    }

    public void deactivate(Organization organization) {
        Feedback.attempt(() -> organizations.deactivate(organization.getId()),
                organization.getSlug() + " deactivated: its users and API keys are refused");
    }

    public void activate(Organization organization) {
        Feedback.attempt(() -> organizations.activate(organization.getId()), organization.getSlug() + " activated");
    }

    public void delete(Organization organization) {
        Feedback.attempt(() -> organizations.delete(organization.getId()),
                "Organization " + organization.getSlug() + " deleted");
    }

    public LazyDataModel<Organization> getRows() {
        return rows;
    }

    public List<Plan> getPlanChoices() {
        return planChoices;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getNewSlug() {
        return newSlug;
    }

    public void setNewSlug(String newSlug) {
        this.newSlug = newSlug;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewPlan() {
        return newPlan;
    }

    public void setNewPlan(String newPlan) {
        this.newPlan = newPlan;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public boolean isEmailNotifications() {
        return emailNotifications;
    }

    public void setEmailNotifications(boolean emailNotifications) {
        this.emailNotifications = emailNotifications;
    }
}
