package dev.meridian.web.usage;

import java.util.List;

import dev.meridian.persistence.usage.MonthlyUsage;
import dev.meridian.persistence.usage.UsageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's organization's API usage this month, against its plan. */
@Path("me/usage")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class UsageResource {

    /** Calls on one UTC day (ISO date). */
    public record DayView(String day, long calls) {
    }

    /**
     * The month (YYYY-MM, UTC): calls so far (requests refused by a quota are not calls; the log is written every
     * flush interval, so the last second or so may be missing), the plan's monthly quota and what remains of it,
     * its requests per minute, and calls per day.
     */
    public record UsageView(String month, long calls, long quota, long remaining, int requestsPerMinute,
            List<DayView> days) {

        static UsageView of(MonthlyUsage usage) {
            return new UsageView(usage.month().toString(), usage.calls(), usage.quota(), usage.remaining(),
                    usage.requestsPerMinute(), usage.days().stream()
                            .map(day -> new DayView(day.day().toString(), day.calls()))
                            .toList());
        }
    }

    @Inject
    UsageService usage;

    @GET
    public UsageView mine() {
        return UsageView.of(usage.ofMyOrganization());
    }
}
