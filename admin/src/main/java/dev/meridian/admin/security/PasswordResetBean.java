package dev.meridian.admin.security;

import dev.meridian.admin.display.Feedback;
import dev.meridian.persistence.tenancy.PasswordResetService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
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

    @NotBlank(message = "Choose a new password")
    private String password;

    @NotBlank(message = "Repeat the new password")
    private String repeated;

    private boolean done;

    public void redeem() {
        if (!password.equals(repeated)) {
            Feedback.show(FacesMessage.SEVERITY_ERROR, "The two passwords differ");
            return;
        }
        done = Feedback.attempt(() -> resets.redeem(token, password), "Your password is set. Sign in with it.");
        password = repeated = null;
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
