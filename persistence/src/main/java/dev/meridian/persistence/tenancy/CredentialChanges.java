package dev.meridian.persistence.tenancy;

import jakarta.inject.Inject;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Tells {@link ApiKeyLogins} that a key, user or organization changed, so no revoked key or deactivated
 * holder stays remembered. Listens to those entities by {@code META-INF/orm.xml}: the domain does not know
 * about caching.
 */
public class CredentialChanges {

    @Inject
    ApiKeyLogins logins;

    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        logins.forgetAfterTransaction();
    }
}
