package dev.meridian.admin.security;

import dev.meridian.admin.display.Feedback;
import dev.meridian.persistence.tenancy.PasswordResetService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;

/**
 * The page where a user redeems the reset token an admin handed them and chooses a new password. It needs no
 * sign-in: the token is the credential, and it works once.
 */
@Named
@RequestScoped
public class PasswordResetBean {

    @Inject
    PasswordResetService resets;

    @NotBlank(message = "Enter the reset token you were given")
    private String token;

    private final NewPassword newPassword = new NewPassword();

    private boolean done;

    public void redeem() {
        var password = newPassword.agreed();
        if (password.isEmpty()) {
            return;
        }
        done = Feedback.attempt(() -> resets.redeem(token, password.get()), "Your password is set. Sign in with it.");
        if (done) {
            token = null;
        }
    }

    public boolean isDone() {
        return done;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }
}
