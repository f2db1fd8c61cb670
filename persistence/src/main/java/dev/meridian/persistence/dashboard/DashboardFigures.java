package dev.meridian.persistence.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.tenancy.OrganizationService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The dashboard's figures in one transaction, with all the caller may reach: every tenant for a platform
 * admin, or the one organization they chose, their own tenant for an organization admin (row-level security
 * sums only what they may see). Days are UTC days, as the nightly rollup counts them.
 */
@Stateless
public class DashboardFigures {

    /** How many days the charts look back, today not included (its metrics are rolled up tomorrow). */
    public static final int DAYS = 30;

    @Inject
    DashboardRepository figures;

    @Inject
    OrganizationService organizations;

    @Inject
    ActingContext context;

    /**
     * The figures of every tenant in the caller's reach or, for a platform admin who chose one by slug (an
     * unknown one is not found), of that organization; an organization admin sees their own whatever they name.
     */
    public Dashboard now(String organizationSlug) {
        var platformAdmin = context.requireCaller().platformAdmin();
        var now = Instant.now();
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return context.withCallersReach(() -> {
            var organization = platformAdmin && organizationSlug != null
                    ? Optional.of(organizations.bySlug(organizationSlug).getId())
                    : Optional.<UUID>empty();
            return new Dashboard(
                    figures.today(today.atStartOfDay(ZoneOffset.UTC).toInstant(), now, organization),
                    figures.days(today.minusDays(DAYS), today.minusDays(1), organization),
                    platformAdmin ? figures.database() : null,
                    platformAdmin ? figures.latestHealth().orElse(null) : null);
        });
    }
}
