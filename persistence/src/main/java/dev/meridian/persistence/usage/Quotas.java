package dev.meridian.persistence.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.meridian.domain.audit.SecurityEvent;
import dev.meridian.persistence.audit.SecurityEventRepository;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.context.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/**
 * Plans' limits on API requests, per organization: requests per minute and per UTC month. Decided in memory
 * from one {@link Allowance} per organization, loaded the first time this instance sees the organization (the
 * whole days the daily rollup reached from {@code usage_daily}, the rest from the log) and refreshed in the
 * background every {@code MERIDIAN_QUOTA_REFRESH_SECONDS}; a request in the steady state costs no database
 * round trip. A refresh counts only the calls logged since the last settled point ({@link SettledCalls}), a
 * few minutes of the log, however far into the month. The first refusal of each minute or month is recorded
 * as a security event.
 *
 * <p>
 * In a cluster the counters are per instance: an organization may make up to its per-minute limit on each
 * instance, and may overshoot its monthly quota by what the other instances admitted since the last refresh.
 */
@ApplicationScoped
public class Quotas {

    @Inject
    UsageRepository usage;

    @Inject
    SecurityEventRepository events;

    @Inject
    ActingContext context;

    // how long a request can take to reach the usage log, with room to spare: it waits up to a flush interval
    // (a second by default) in memory, on whichever instance served it
    private static final Duration SETTLING = Duration.ofMinutes(2);

    private final Map<UUID, Allowance> allowances = new ConcurrentHashMap<>();
    private Duration refreshEvery;

    @PostConstruct
    void configure() {
        refreshEvery = MeteringSettings.fromConfig().quotaRefresh();
    }

    /** Counts the caller's request against their organization's plan, or refuses it. */
    public QuotaDecision admit(Caller caller, UUID apiKeyId) {
        var now = Instant.now();
        var organization = caller.organizationId();
        var allowance = allowances.get(organization);
        if (allowance == null) {
            var loaded = context.asSystem(() -> usage.allowance(organization, month(now), now.minus(SETTLING)))
                    .orElseThrow(() -> new IllegalStateException("no plan for organization " + organization));
            allowance = allowances.computeIfAbsent(organization,
                    id -> new Allowance(loaded.limits(), loaded.settled(), loaded.laterCalls(), now));
        }
        var decision = allowance.admit(now);
        if (!decision.admitted() && allowance.firstReport(decision)) {
            // in the caller's own tenant: the event is theirs to see
            events.record(new SecurityEvent(decision.refusal().get(), organization, caller.userId(),
                    "{\"limit\": " + decision.limit() + ", \"retryAfterSeconds\": " + decision.retryAfterSeconds()
                            + (apiKeyId == null ? "" : ", \"apiKeyId\": \"" + apiKeyId + "\"") + "}",
                    now));
        }
        return decision;
    }

    /**
     * Re-reads, in one query, the allowances not refreshed for {@code MERIDIAN_QUOTA_REFRESH_SECONDS}, counting
     * each organization's calls on from its settled part.
     */
    @ActivateRequestContext
    public void refreshDue() {
        var now = Instant.now();
        var due = allowances.entrySet().stream()
                .filter(entry -> entry.getValue().dueAt(now, refreshEvery))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().settled(month(now))));
        if (due.isEmpty()) {
            return;
        }
        var loaded = context.asSystem(() -> usage.allowances(due, now.minus(SETTLING)));
        due.keySet().forEach(organization -> {
            var found = loaded.get(organization);
            if (found == null) {
                // the organization is gone: forget it, a request of it would load it again
                allowances.remove(organization);
            } else {
                allowances.get(organization).refresh(found.limits(), found.settled(), found.laterCalls(), now);
            }
        });
    }

    private static YearMonth month(Instant now) {
        return YearMonth.from(now.atOffset(ZoneOffset.UTC));
    }
}
