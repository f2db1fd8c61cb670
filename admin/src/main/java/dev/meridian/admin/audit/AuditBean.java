package dev.meridian.admin.audit;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.primefaces.model.LazyDataModel;

import dev.meridian.admin.display.Feedback;
import dev.meridian.admin.display.ServerPagedModel;
import dev.meridian.domain.audit.SecurityEventKind;
import dev.meridian.persistence.audit.AuditFilter;
import dev.meridian.persistence.audit.AuditTrail;
import dev.meridian.persistence.audit.ChangeDetail;
import dev.meridian.persistence.audit.ChangeRow;
import dev.meridian.persistence.audit.SecurityEventRow;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The audit page: the change log and security events under one filter (times in UTC), and one change opened
 * with its old and new values; {@code ?change=<id>} opens a change directly. What a caller sees is what
 * row-level security lets through: their tenant's rows, or every tenant's for a platform admin.
 */
@Named
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    private String table;
    private String kind;
    private String actor;
    private String tenant;
    private LocalDateTime from;
    private LocalDateTime to;
    private Long change;

    private List<String> tables;
    private LazyDataModel<ChangeRow> changes;
    private LazyDataModel<SecurityEventRow> events;
    private ChangeDetail detail;

    @PostConstruct
    void init() {
        tables = trail.auditedTables();
        changes = new ServerPagedModel<>((first, size, sortBy, ascending) -> trail.changes(filter(), first, size,
                sortBy, ascending), () -> trail.countChanges(filter()), ChangeRow::id, "occurredAt", false);
        events = new ServerPagedModel<>((first, size, sortBy, ascending) -> trail.events(filter(), first, size,
                sortBy, ascending), () -> trail.countEvents(filter()), SecurityEventRow::id, "occurredAt", false);
        openRequested();
    }

    /** Opens the change a link names ({@code ?change=<id>}); another tenant's is not found. */
    private void openRequested() {
        var requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("change");
        if (requested == null || requested.isBlank()) {
            return;
        }
        try {
            change = Long.valueOf(requested.strip());
            show(change);
        } catch (NumberFormatException e) {
            Feedback.show(FacesMessage.SEVERITY_ERROR, "Not a change id: " + requested);
        }
    }

    public void show(long id) {
        detail = Feedback.attempt(() -> trail.change(id), null);
    }

    /** Applies the filter; the tables reload with it. A time range must run forwards. */
    public void apply() {
        if (from != null && to != null && !from.isBefore(to)) {
            Feedback.show(FacesMessage.SEVERITY_ERROR, "The time range is empty: 'from' must be before 'to'.");
        }
    }

    public void clear() {
        table = kind = actor = tenant = null;
        from = to = null;
    }

    private AuditFilter filter() {
        return new AuditFilter(table, kind, actor, tenant, from == null ? null : from.toInstant(ZoneOffset.UTC),
                to == null ? null : to.toInstant(ZoneOffset.UTC));
    }

    public List<String> getTables() {
        return tables;
    }

    public List<String> getKinds() {
        return Arrays.stream(SecurityEventKind.values()).map(SecurityEventKind::code).toList();
    }

    public LazyDataModel<ChangeRow> getChanges() {
        return changes;
    }

    public LazyDataModel<SecurityEventRow> getEvents() {
        return events;
    }

    public ChangeDetail getDetail() {
        return detail;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    /** Whether the page was opened for one change, which then shows at once. */
    public boolean isRequested() {
        return change != null;
    }
}
