package dev.meridian.admin.security;

import dev.meridian.admin.display.Feedback;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.tenancy.Authenticator;
import dev.meridian.persistence.tenancy.ProfileService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
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

    private final NewPassword newPassword = new NewPassword();

    @PostConstruct
    void load() {
        me = profiles.me();
    }

    public void changePassword() {
        newPassword.agreed().ifPresent(password -> {
            var renewed = Feedback.attempt(() -> authenticator.changeOwnPassword(current, password),
                    "Your password is changed. Your other sessions end at their next page.");
            if (renewed != null) {
                session.renewed(renewed);
            }
        });
        current = null;
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

    public NewPassword getNewPassword() {
        return newPassword;
    }
}
