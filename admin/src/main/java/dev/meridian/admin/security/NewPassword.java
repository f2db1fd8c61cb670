package dev.meridian.admin.security;

import java.util.Optional;

import dev.meridian.admin.display.Feedback;
import jakarta.faces.application.FacesMessage;
import jakarta.validation.constraints.NotBlank;

/** A new password typed twice, as the reset and account pages ask for it; never kept past its request. */
public class NewPassword {

    @NotBlank(message = "Choose a new password")
    private String password;

    @NotBlank(message = "Repeat the new password")
    private String repeated;

    /** The password when both typings agree; otherwise the page says they differ. Either way both are cleared. */
    Optional<String> agreed() {
        var agreed = Optional.ofNullable(password).filter(typed -> typed.equals(repeated));
        if (agreed.isEmpty()) {
            Feedback.show(FacesMessage.SEVERITY_ERROR, "The two new passwords differ");
        }
        password = repeated = null;
        return agreed;
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
