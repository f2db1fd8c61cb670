package dev.meridian.persistence.audit;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The "not found" of a row the caller named by id. Row-level security already hid it; when it turns out to be
 * another organization's, the attempt becomes a security event. The answer is the same 404 either way, so the
 * caller learns nothing, and a failed lookup changes nothing of it. The lookup costs one indexed read, on the
 * not-found path only.
 */
@ApplicationScoped
public class CrossTenantProbe {

    private static final Logger LOG = Logger.getLogger(CrossTenantProbe.class.getName());

    @Inject
    ActingContext context;

    @Inject
    RowOwners owners;

    @Inject
    SecurityEvents events;

    public ResourceNotFound notFound(TenantTable table, UUID id) {
        // a platform admin reaches every tenant already: what they miss is missing
        context.caller().filter(caller -> !caller.platformAdmin()).ifPresent(caller -> {
            try {
                context.asSystem(() -> owners.organizationOf(table, id))
                        .filter(owner -> !owner.equals(caller.organizationId()))
                        .ifPresent(owner -> events.crossTenantAttempt(caller, table, id, owner));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "MERIDIAN-SECURITY could not look up the owner of " + table + " " + id, e);
            }
        });
        return new ResourceNotFound("no " + table.noun() + " " + id);
    }
}
