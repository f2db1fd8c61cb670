package dev.meridian.persistence.tenancy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.meridian.domain.tenancy.Plan;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.AccessDenied;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Plans and prices, the platform's to set: platform admins list them with their organizations, create plans
 * and revise their limits and price (in platform scope, so the change log names them). Anyone may read the
 * plans to choose from.
 */
@Stateless
public class PlanService {

    @Inject
    PlanRepository plans;

    @Inject
    ActingContext context;

    public List<PlanRow> page(int first, int size, String sortBy, boolean ascending) {
        return platform(() -> plans.page(first, size, sortBy, ascending));
    }

    public long count() {
        return platform(plans::count);
    }

    /** The plans an organization can be put on, by code. */
    public List<Plan> choices() {
        return plans.all();
    }

    public Plan create(String code, String name, long monthlyRequestQuota, int requestsPerMinute,
            BigDecimal pricePerThousandCalls) {
        return platform(() -> plans.store(valid(() -> new Plan(code, name, monthlyRequestQuota, requestsPerMinute,
                pricePerThousandCalls))));
    }

    public Plan revise(UUID id, String name, long monthlyRequestQuota, int requestsPerMinute,
            BigDecimal pricePerThousandCalls) {
        return platform(() -> {
            var plan = plans.find(id).orElseThrow(() -> new ResourceNotFound("no plan " + id));
            valid(() -> {
                plan.revise(name, monthlyRequestQuota, requestsPerMinute, pricePerThousandCalls);
                return plan;
            });
            plans.flush();
            return plan;
        });
    }

    private <T> T platform(Supplier<T> work) {
        if (!context.requireCaller().platformAdmin()) {
            throw new AccessDenied("only platform admins manage plans and prices");
        }
        return context.onPlatform(work);
    }

    /** The domain's rejection of a plan's terms, as invalid input. */
    private static <T> T valid(Supplier<T> terms) {
        try {
            return terms.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("plan", e.getMessage());
        }
    }
}
