package dev.meridian.admin.security;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;

/** The login form and sign-out; a signed-in user starts on the dashboard. */
@Named
@RequestScoped
public class LoginBean {

    @NotBlank(message = "Enter your username")
    private String username;

    @NotBlank(message = "Enter your password")
    private String password;

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    public void login() throws IOException {
        var external = faces.getExternalContext();
        var status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password))));
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + "/dashboard.xhtml");
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Invalid username or password",
                    null));
        }
    }

    public void logout() throws IOException, jakarta.servlet.ServletException {
        var external = faces.getExternalContext();
        var request = (HttpServletRequest) external.getRequest();
        request.logout();
        SessionEnd.forget(request, (HttpServletResponse) external.getResponse());
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }

    /** Whether the login page was reached because the browser's portal session had ended. */
    public boolean isSessionEnded() {
        return SessionEnd.ended((HttpServletRequest) faces.getExternalContext().getRequest());
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
