package dev.meridian.admin.security;

import java.io.Serializable;
import java.util.Optional;

import dev.meridian.persistence.context.Caller;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;

/** The caller signed in to this portal session. */
@Named
@SessionScoped
public class PortalSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private Caller caller;

    void signedIn(Caller caller) {
        this.caller = caller;
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** Whether the signed-in user works across tenants: the platform-only pages show for them. */
    public boolean isPlatformAdmin() {
        return caller().map(Caller::platformAdmin).orElse(false);
    }

    /** For the page header: who is signed in, as what, for which tenant. */
    public String getDescription() {
        return caller().map(signedIn -> signedIn.username() + " (" + (signedIn.platformAdmin()
                ? "platform admin"
                : signedIn.role().code()) + ")").orElse("");
    }
}
