package dev.meridian.admin.security;

import java.util.Set;

import dev.meridian.persistence.context.Caller;
import dev.meridian.persistence.problems.AuthenticationFailed;
import dev.meridian.persistence.tenancy.Authenticator;
import dev.meridian.persistence.tenancy.ProfileService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Checks portal sign-ins with the same authenticator and password hashes as the API. Only platform admins and
 * an organization's owners and admins may use the portal; they all get the role {@value #ROLE}.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    static final String ROLE = "portal";

    @Inject
    Authenticator authenticator;

    @Inject
    ProfileService profiles;

    @Inject
    PortalSession session;

    /** Whether the caller may use the portal at all. */
    static boolean admits(Caller caller) {
        return caller.platformAdmin() || caller.role().administers();
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        try {
            var signIn = authenticator.signIn(credential.getCaller(), credential.getPasswordAsString());
            var caller = signIn.caller();
            if (!admits(caller)) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            // the authenticator made the caller the request's actor: their own organization is in reach
            session.signedIn(signIn, profiles.me().getOrganization().getSlug());
            return new CredentialValidationResult(caller.username(), Set.of(ROLE));
        } catch (AuthenticationFailed e) {
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
