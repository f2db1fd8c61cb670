package dev.meridian.persistence.usage;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The caller's organization's usage, read in the caller's tenant. */
@Stateless
public class UsageService {

    @Inject
    UsageRepository usage;

    @Inject
    ActingContext context;

    /** This UTC month's calls of the caller's organization against its plan. */
    public MonthlyUsage ofMyOrganization() {
        var organization = context.requireCaller().organizationId();
        var month = YearMonth.from(Instant.now().atOffset(ZoneOffset.UTC));
        var plan = usage.planOf(organization).orElseThrow(() -> new ResourceNotFound("organization is gone"));
        var days = usage.dailyCalls(organization, month);
        return MonthlyUsage.of(month, new PlanLimits(plan.getRequestsPerMinute(), plan.getMonthlyRequestQuota()),
                days);
    }
}
