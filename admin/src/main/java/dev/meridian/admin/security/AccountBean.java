package dev.meridian.admin.security;

import dev.meridian.admin.display.Feedback;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.tenancy.Authenticator;
import dev.meridian.persistence.tenancy.ProfileService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;

/**
 * The signed-in user's own account: who they are, and a new password once they give the current one. The
 * session they change it in goes on under the new password; their other sessions end at their next request.
 */
@Named
@RequestScoped
public class AccountBean {

    @Inject
    ProfileService profiles;

    @Inject
    Authenticator authenticator;

    @Inject
    PortalSession session;

    private User me;

    @NotBlank(message = "Enter your current password")
    private String current;

    @NotBlank(message = "Choose a new password")
    private String password;

    @NotBlank(message = "Repeat the new password")
    private String repeated;

    @PostConstruct
    void load() {
        me = profiles.me();
    }

    public void changePassword() {
        if (!password.equals(repeated)) {
            Feedback.show(FacesMessage.SEVERITY_ERROR, "The two new passwords differ");
        } else {
            var renewed = Feedback.attempt(() -> authenticator.changeOwnPassword(current, password),
                    "Your password is changed. Your other sessions end at their next page.");
            if (renewed != null) {
                session.renewed(renewed);
            }
        }
        current = password = repeated = null;
    }

    public User getMe() {
        return me;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
