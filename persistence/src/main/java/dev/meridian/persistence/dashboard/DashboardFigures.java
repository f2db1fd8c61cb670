package dev.meridian.persistence.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.meridian.persistence.context.ActingContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The dashboard's figures in one transaction, with all the caller may reach: every tenant for a platform
 * admin, their own tenant for an organization admin (row-level security sums only what they may see). Days
 * are UTC days, as the nightly rollup counts them.
 */
@Stateless
public class DashboardFigures {

    /** How many days the charts look back, today not included (its metrics are rolled up tomorrow). */
    public static final int DAYS = 30;

    @Inject
    DashboardRepository figures;

    @Inject
    ActingContext context;

    public Dashboard now() {
        var platformAdmin = context.requireCaller().platformAdmin();
        var now = Instant.now();
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return context.withCallersReach(() -> new Dashboard(
                figures.today(today.atStartOfDay(ZoneOffset.UTC).toInstant(), now),
                figures.days(today.minusDays(DAYS), today.minusDays(1)),
                platformAdmin ? figures.database() : null,
                platformAdmin ? figures.latestHealth().orElse(null) : null));
    }
}
