package dev.meridian.admin.people;

import java.io.Serializable;
import java.util.List;

import org.primefaces.model.LazyDataModel;

import dev.meridian.admin.display.Feedback;
import dev.meridian.admin.display.ServerPagedModel;
import dev.meridian.persistence.tenancy.ApiKeyService;
import dev.meridian.persistence.tenancy.KeyRow;
import dev.meridian.persistence.tenancy.UserRow;
import dev.meridian.persistence.tenancy.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The API keys page: the chosen organization's keys, a new one for one of its users (its secret shown once,
 * in a dialog, and forgotten when the dialog closes), revocation and deletion. Row actions act on the row the
 * page loaded under row-level security, so they carry no id to forge. The owner is a username typed into the
 * form: the service finds it under row-level security and within the chosen organization, so another tenant's
 * user is not found.
 */
@Named
@ViewScoped
public class KeysBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many usernames the owner field suggests. */
    private static final int SUGGESTIONS = 10;

    /** A new key's secret while its dialog shows it. */
    public record SecretShown(String name, String owner, String secret) implements Serializable {
    }

    @Inject
    ApiKeyService keys;

    @Inject
    UserService users;

    @Inject
    OrganizationChoice organization;

    private String filter;
    private LazyDataModel<KeyRow> rows;
    private SecretShown issued;

    @NotBlank(message = "Name the user who gets the key")
    private String owner;

    @NotBlank(message = "Give the key a name")
    @Size(max = 100, message = "A key's name is at most 100 characters")
    private String name;

    @PostConstruct
    void init() {
        rows = new ServerPagedModel<>((first, size, sortBy, ascending) -> keys.page(organization.chosenSlug(),
                filter, first, size, sortBy, ascending), () -> keys.count(organization.chosenSlug(), filter),
                KeyRow::id, "createdAt", false);
    }

    public void create() {
        var created = Feedback.attempt(() -> keys.issueFor(organization.chosenSlug(), owner, name), "Key created");
        if (created != null) {
            issued = new SecretShown(created.key().getName(), created.key().getOwner().getUsername(),
                    created.token().value());
            owner = name = null;
        }
    }

    public void revoke(KeyRow key) {
        Feedback.attempt(() -> keys.revoke(key.id()), "Key " + key.name() + " revoked");
    }

    public void delete(KeyRow key) {
        Feedback.attempt(() -> keys.delete(key.id()), "Key " + key.name() + " deleted");
    }

    /** Usernames of the chosen organization that contain what was typed. */
    public List<String> completeOwner(String typed) {
        return users.page(organization.chosenSlug(), typed, 0, SUGGESTIONS, "username", true).stream()
                .filter(UserRow::active)
                .map(UserRow::username)
                .toList();
    }

    /** The dialog closed: the secret is not kept a moment longer. */
    public void forgetSecret() {
        issued = null;
    }

    public LazyDataModel<KeyRow> getRows() {
        return rows;
    }

    public SecretShown getIssued() {
        return issued;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
