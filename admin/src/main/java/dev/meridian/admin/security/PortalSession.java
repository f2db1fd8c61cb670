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
    private String tenant;

    /** The caller, and the slug of their organization: the header names the tenant a page is about. */
    void signedIn(Caller caller, String tenant) {
        this.caller = caller;
        this.tenant = tenant;
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** Whether the signed-in user works across tenants: the platform-only pages show for them. */
    public boolean isPlatformAdmin() {
        return caller().map(Caller::platformAdmin).orElse(false);
    }

    /** For the page header: who is signed in, as what, for which tenant, e.g. "alice (owner) · acme". */
    public String getDescription() {
        return caller().map(signedIn -> signedIn.username() + " (" + (signedIn.platformAdmin()
                ? "platform admin"
                : signedIn.role().code()) + ") · " + tenant).orElse("");
    }
}
