package dev.meridian.admin.security;

import java.io.Serializable;
import java.util.Optional;

import dev.meridian.persistence.context.Caller;
import dev.meridian.persistence.tenancy.Authenticator.SignIn;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;

/** The caller signed in to this portal session. */
@Named
@SessionScoped
public class PortalSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private SignIn signIn;
    private String tenant;

    /** The sign-in, and the slug of the caller's organization: the header names the tenant a page is about. */
    void signedIn(SignIn signIn, String tenant) {
        this.signIn = signIn;
        this.tenant = tenant;
    }

    Optional<SignIn> signIn() {
        return Optional.ofNullable(signIn);
    }

    /** The sign-in under the password the caller has just set: this session goes on with it. */
    void renewed(SignIn renewed) {
        signIn = renewed;
    }

    /** The caller as the latest check found them: a changed role shows from the next request on. */
    void checked(Caller caller) {
        signIn = new SignIn(caller, signIn.stamp());
    }

    public Optional<Caller> caller() {
        return signIn().map(SignIn::caller);
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
