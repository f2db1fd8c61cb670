package dev.meridian.persistence.audit;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.meridian.domain.audit.SecurityEvent;
import dev.meridian.domain.audit.SecurityEventKind;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.context.Caller;
import dev.meridian.persistence.context.PlatformScopeWitness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Records failed sign-ins, rejected API keys, revoked keys, cross-tenant attempts and uses of platform scope
 * as security events, each in a transaction of its own and in platform scope: the event stands when the
 * refused request rolls back, and it is filed under the organization it concerns (readable by that tenant's
 * admins) or, when none is known or the event is the platform's, under no tenant (read by platform admins).
 * Someone guessing can send thousands of wrong credentials a minute, and a platform admin's page may widen
 * its scope a dozen times, so such an event is recorded once a minute per subject (a username, a key prefix,
 * an id, an admin's operation), and at most {@value #DISTINCT_PER_MINUTE} distinct ones a minute: nobody can
 * flood the table. The refusal, or the work, goes on whether or not its event could be written.
 */
@ApplicationScoped
public class SecurityEvents implements PlatformScopeWitness {

    private static final Logger LOG = Logger.getLogger(SecurityEvents.class.getName());
    private static final int DISTINCT_PER_MINUTE = 1_000;
    private static final int MAX_SUBJECT = 200;

    @Inject
    SecurityEventRepository events;

    @Inject
    ActingContext context;

    private final Object lock = new Object();
    private long minute = -1;
    private final Set<String> recordedThisMinute = new HashSet<>();

    /**
     * A password that did not sign in: a wrong one, or a right one of a deactivated user or organization. The
     * organization and user are null when no user has that name.
     */
    public void loginFailed(String username, UUID organization, UUID user, String reason) {
        var subject = shortened(username);
        var detail = Json.createObjectBuilder().add("username", subject).add("reason", reason).build();
        oncePerMinute(SecurityEventKind.LOGIN_FAILED, subject, organization, user, detail);
    }

    /**
     * An API key that did not authenticate: unknown, wrong secret, revoked, expired, or malformed (no prefix).
     */
    public void keyRejected(String prefix) {
        var detail = prefix == null
                ? Json.createObjectBuilder().add("reason", "malformed").build()
                : Json.createObjectBuilder().add("prefix", shortened(prefix)).build();
        oncePerMinute(SecurityEventKind.KEY_REJECTED, prefix == null ? "" : shortened(prefix), null, null, detail);
    }

    /** A key revoked, or deleted, by the caller. */
    public void keyRevoked(UUID organization, UUID keyId, String prefix, boolean deleted) {
        var actor = context.requireCaller().userId();
        var detail = Json.createObjectBuilder().add("apiKeyId", keyId.toString()).add("prefix", prefix)
                .add("deleted", deleted).build();
        record(SecurityEventKind.KEY_REVOKED, organization, actor, detail);
    }

    /**
     * A caller named a row of another organization, which row-level security hid from them. Filed under no
     * tenant: the attempting tenant's admins must not learn that the id exists elsewhere.
     */
    public void crossTenantAttempt(Caller caller, TenantTable table, UUID id, UUID owner) {
        var detail = Json.createObjectBuilder().add("table", table.sqlName()).add("id", id.toString())
                .add("callerOrganizationId", caller.organizationId().toString())
                .add("ownerOrganizationId", owner.toString()).build();
        oncePerMinute(SecurityEventKind.CROSS_TENANT_ATTEMPT, caller.userId() + " " + table + " " + id, null,
                caller.userId(), detail);
    }

    /** A platform admin reaches across tenants. */
    @Override
    public void used(Caller admin, String operation) {
        var detail = Json.createObjectBuilder().add("operation", operation).build();
        oncePerMinute(SecurityEventKind.PLATFORM_SCOPE, admin.userId() + " " + operation, null, admin.userId(),
                detail);
    }

    private void oncePerMinute(SecurityEventKind kind, String subject, UUID organization, UUID user,
            JsonObject detail) {
        if (firstThisMinute(kind.code() + ' ' + subject)) {
            record(kind, organization, user, detail);
        }
    }

    private void record(SecurityEventKind kind, UUID organization, UUID user, JsonObject detail) {
        try {
            context.asSystem(() -> {
                events.record(new SecurityEvent(kind, organization, user, detail.toString(), Instant.now()));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MERIDIAN-SECURITY could not record " + kind.code() + " " + detail, e);
        }
    }

    private boolean firstThisMinute(String subject) {
        long now = System.currentTimeMillis() / 60_000;
        synchronized (lock) {
            if (now != minute) {
                minute = now;
                recordedThisMinute.clear();
            }
            return recordedThisMinute.size() < DISTINCT_PER_MINUTE && recordedThisMinute.add(subject);
        }
    }

    private static String shortened(String text) {
        return text.length() <= MAX_SUBJECT ? text : text.substring(0, MAX_SUBJECT);
    }
}
