package dev.meridian.persistence.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import dev.meridian.domain.audit.SecurityEventKind;

/**
 * One organization's plan limits and what it has used, as this instance knows it: its requests of the current
 * minute (fixed windows, on this instance only) and of the current UTC month (the database's count at the
 * last refresh plus what this instance admitted since), and the part of the database's count that is settled
 * ({@link SettledCalls}), where the next refresh counts on from. Only admitted requests count; refused ones
 * do not use up the quota. Thread-safe; every method is a few arithmetic operations under the allowance's own
 * lock.
 */
final class Allowance {

    private PlanLimits limits;
    private Instant refreshedAt;
    private SettledCalls settled;
    private YearMonth month;
    private long monthCalls;
    private long minute;
    private int minuteCalls;
    // the windows already reported as refused, so each is recorded as a security event once
    private long refusedMinute = -1;
    private YearMonth refusedMonth;

    Allowance(PlanLimits limits, SettledCalls settled, long laterCalls, Instant now) {
        refresh(limits, settled, laterCalls, now);
    }

    /** Counts the request if the plan allows it, or says which limit refuses it. */
    synchronized QuotaDecision admit(Instant now) {
        roll(now);
        if (monthCalls >= limits.perMonth()) {
            return QuotaDecision.refused(SecurityEventKind.QUOTA_EXCEEDED, limits.perMonth(),
                    Duration.between(now, month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC)).toSeconds());
        }
        if (minuteCalls >= limits.perMinute()) {
            return QuotaDecision.refused(SecurityEventKind.RATE_LIMITED, limits.perMinute(),
                    60 - now.getEpochSecond() % 60);
        }
        monthCalls++;
        minuteCalls++;
        return QuotaDecision.ADMITTED;
    }

    /** True the first time a refusal of this kind is reported in its window. */
    synchronized boolean firstReport(QuotaDecision decision) {
        var kind = decision.refusal().orElseThrow();
        if (kind == SecurityEventKind.QUOTA_EXCEEDED) {
            boolean first = !month.equals(refusedMonth);
            refusedMonth = month;
            return first;
        }
        boolean first = refusedMinute != minute;
        refusedMinute = minute;
        return first;
    }

    /**
     * New limits and the database's count of the month, its settled calls and those logged since: requests other
     * instances wrote, a plan change. The count never lowers what this instance knows, which includes requests
     * not yet written.
     */
    synchronized void refresh(PlanLimits limits, SettledCalls settled, long laterCalls, Instant now) {
        this.limits = limits;
        this.settled = settled;
        this.refreshedAt = now;
        roll(now);
        if (settled.month().equals(month)) {
            monthCalls = Math.max(monthCalls, settled.calls() + laterCalls);
        }
    }

    /** Where the next count of {@code current}'s calls starts: the settled part, or nothing in a new month. */
    synchronized SettledCalls settled(YearMonth current) {
        return settled.month().equals(current) ? settled : SettledCalls.startOf(current);
    }

    synchronized boolean dueAt(Instant now, Duration every) {
        return !refreshedAt.plus(every).isAfter(now);
    }

    private void roll(Instant now) {
        long thisMinute = now.getEpochSecond() / 60;
        if (thisMinute != minute) {
            minute = thisMinute;
            minuteCalls = 0;
        }
        var thisMonth = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        if (!thisMonth.equals(month)) {
            month = thisMonth;
            monthCalls = 0;
        }
    }
}
