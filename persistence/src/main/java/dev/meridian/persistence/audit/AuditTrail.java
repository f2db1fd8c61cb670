package dev.meridian.persistence.audit;

import java.util.List;

import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The audit trail for the portal: a platform admin reads every tenant's changes and events (platform scope),
 * an organization admin their own tenant's, as row-level security decides.
 */
@Stateless
public class AuditTrail {

    @Inject
    AuditTrailRepository trail;

    @Inject
    ActingContext context;

    public List<ChangeRow> changes(AuditFilter filter, int first, int size, String sortBy, boolean ascending) {
        return context.withCallersReach(() -> trail.changes(filter, first, size, sortBy, ascending));
    }

    public long countChanges(AuditFilter filter) {
        return context.withCallersReach(() -> trail.countChanges(filter, wholeTableVisible()));
    }

    /** One change with its old and new values; another tenant's change is simply not found. */
    public ChangeDetail change(long id) {
        return context.withCallersReach(() -> trail.change(id))
                .orElseThrow(() -> new ResourceNotFound("no change " + id));
    }

    public List<String> auditedTables() {
        return context.withCallersReach(trail::auditedTables);
    }

    public List<SecurityEventRow> events(AuditFilter filter, int first, int size, String sortBy, boolean ascending) {
        return context.withCallersReach(() -> trail.events(filter, first, size, sortBy, ascending));
    }

    public long countEvents(AuditFilter filter) {
        return context.withCallersReach(() -> trail.countEvents(filter, wholeTableVisible()));
    }

    private boolean wholeTableVisible() {
        return context.requireCaller().platformAdmin();
    }
}
