package dev.meridian.admin.people;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.primefaces.model.LazyDataModel;

import dev.meridian.admin.display.Feedback;
import dev.meridian.admin.display.ServerPagedModel;
import dev.meridian.domain.tenancy.Role;
import dev.meridian.persistence.tenancy.PasswordResetService;
import dev.meridian.persistence.tenancy.PermissionOption;
import dev.meridian.persistence.tenancy.UserRow;
import dev.meridian.persistence.tenancy.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The users page: the chosen organization's users, created, renamed, given a role, an e-mail and permissions,
 * deactivated and reactivated, deleted (from the edit form), and issued a password reset token (shown once,
 * in a dialog, with the link where the user redeems it). The edit and permission forms carry the user's id
 * back in a hidden field: the services look it up under row-level security, so a forged id of another
 * tenant's user is simply not found.
 */
@Named
@ViewScoped
public class UsersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A reset token's secret while its dialog shows it; forgotten when the dialog closes. */
    public record ResetShown(String username, String token, String link, Instant expiresAt) implements Serializable {
    }

    @Inject
    UserService users;

    @Inject
    PasswordResetService resets;

    @Inject
    OrganizationChoice organization;

    private String filter;
    private LazyDataModel<UserRow> rows;
    private List<PermissionOption> permissions;
    private ResetShown reset;

    @NotBlank(message = "Choose a username")
    private String username;

    @NotBlank(message = "Give the user's full name")
    @Size(max = 200, message = "A full name is at most 200 characters")
    private String fullName;

    private String role = Role.MEMBER.code();

    private String email;

    @NotBlank(message = "Set an initial password")
    private String password;

    @NotBlank(message = "Choose a user")
    @Pattern(
            regexp = "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}",
            message = "Not a user id")
    private String id;

    private String editedUsername;

    @NotBlank(message = "A user needs a full name")
    @Size(max = 200, message = "A full name is at most 200 characters")
    private String editedName;

    private String editedRole;
    private String editedEmail;
    private List<String> granted = new ArrayList<>();

    @PostConstruct
    void init() {
        rows = new ServerPagedModel<>((first, size, sortBy, ascending) -> users.page(organization.chosenSlug(),
                filter, first, size, sortBy, ascending), () -> users.count(organization.chosenSlug(), filter),
                UserRow::id, "username", true);
        permissions = users.permissions();
    }

    public void create() {
        var created = Feedback.attempt(() -> users.create(organization.chosenSlug(), username, password, fullName,
                role, email), "User " + username + " created");
        if (created != null) {
            username = fullName = password = email = null;
            role = Role.MEMBER.code();
        }
    }

    /** Fills the edit and permission forms with the user. */
    public void select(UserRow user) {
        id = user.id().toString();
        editedUsername = user.username();
        editedName = user.fullName();
        editedRole = user.role();
        editedEmail = user.email();
        granted = new ArrayList<>(user.permissions());
    }

    public void save() {
        Feedback.attemptInDialog(() -> users.edit(UUID.fromString(id), editedName, editedRole, editedEmail),
                "User saved");
    }

    public void savePermissions() {
        Feedback.attempt(() -> users.grantOnly(UUID.fromString(id), granted), "Permissions saved");
    }

    /** Deletes the user the edit form carries back. */
    public void delete() {
        Feedback.attempt(() -> users.delete(UUID.fromString(id)), "User " + editedUsername + " deleted");
    }

    public void deactivate(UserRow user) {
        Feedback.attempt(() -> users.deactivate(user.id()), "User " + user.username() + " deactivated");
    }

    public void reactivate(UserRow user) {
        Feedback.attempt(() -> users.reactivate(user.id()), "User " + user.username() + " reactivated");
    }

    public void issueReset(UserRow user) {
        var issued = Feedback.attempt(() -> resets.issue(user.id()), null);
        reset = issued == null
                ? null
                : new ResetShown(issued.username(), issued.secret().value(), redeemLink(issued.secret().value()),
                        issued.expiresAt());
    }

    private static String redeemLink(String token) {
        return ResetLinks.forToken(
                (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(), token);
    }

    /** The dialog closed: the secret is not kept a moment longer. */
    public void forgetReset() {
        reset = null;
    }

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Role::code).toList();
    }

    public List<PermissionOption> getPermissions() {
        return permissions;
    }

    public LazyDataModel<UserRow> getRows() {
        return rows;
    }

    public ResetShown getReset() {
        return reset;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getEditedUsername() {
        return editedUsername;
    }

    public String getEditedName() {
        return editedName;
    }

    public void setEditedName(String editedName) {
        this.editedName = editedName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getEditedEmail() {
        return editedEmail;
    }

    public void setEditedEmail(String editedEmail) {
        this.editedEmail = editedEmail;
    }

    public String getEditedRole() {
        return editedRole;
    }

    public void setEditedRole(String editedRole) {
        this.editedRole = editedRole;
    }

    public List<String> getGranted() {
        return granted;
    }

    public void setGranted(List<String> granted) {
        this.granted = granted;
    }
}
