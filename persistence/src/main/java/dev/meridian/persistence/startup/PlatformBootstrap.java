package dev.meridian.persistence.startup;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.Slug;
import dev.meridian.domain.tenancy.User;
import dev.meridian.domain.tenancy.Username;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.tenancy.OrganizationRepository;
import dev.meridian.persistence.tenancy.PasswordHasher;
import dev.meridian.persistence.tenancy.PlanRepository;
import dev.meridian.persistence.tenancy.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/**
 * On first start, creates the platform's own organization and its admin {@code admin}, with the password from
 * {@code MERIDIAN_ADMIN_PASSWORD} or a generated one printed once to the log.
 */
@Stateless
public class PlatformBootstrap {

    static final String PLATFORM_SLUG = "platform";
    static final String ADMIN_USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(PlatformBootstrap.class.getName());

    @Inject
    OrganizationRepository organizations;

    @Inject
    PlanRepository plans;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    ActingContext context;

    @Inject
    @ConfigProperty(name = "MERIDIAN_ADMIN_PASSWORD")
    Optional<String> configuredPassword;

    @ActivateRequestContext
    public void ensurePlatformAdmin() {
        context.asSystem(() -> {
            if (organizations.findBySlug(new Slug(PLATFORM_SLUG)).isPresent()) {
                return null;
            }
            var plan = plans.findByCode("enterprise").orElseThrow();
            var platform = organizations.store(new Organization(new Slug(PLATFORM_SLUG), "Meridian platform", plan));
            var password = configuredPassword.orElseGet(PlatformBootstrap::generatedPassword);
            users.store(User.platformAdmin(platform, new Username(ADMIN_USERNAME), hasher.hash(password)));
            if (configuredPassword.isPresent()) {
                LOG.info("MERIDIAN-BOOTSTRAP platform admin '" + ADMIN_USERNAME
                        + "' created with the password from MERIDIAN_ADMIN_PASSWORD");
            } else {
                LOG.warning("MERIDIAN-BOOTSTRAP platform admin '" + ADMIN_USERNAME + "' created with password: "
                        + password + " (shown once; change it)");
            }
            return null;
        });
    }

    private static String generatedPassword() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
