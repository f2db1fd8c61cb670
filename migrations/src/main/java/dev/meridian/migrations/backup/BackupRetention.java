package dev.meridian.migrations.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which backups to keep: the newest of each of the last {@code daily} days that have a backup, of each of the
 * last {@code weekly} ISO weeks and of each of the last {@code monthly} months (UTC); a backup kept by any of
 * the three stays. The newest backup is always kept.
 */
public record BackupRetention(int daily, int weekly, int monthly) {

    public static final BackupRetention DEFAULT = new BackupRetention(30, 26, 24);

    public BackupRetention {
        if (daily < 1 || weekly < 0 || monthly < 0) {
            throw new IllegalArgumentException("retention: at least 1 daily backup, no negative counts");
        }
    }

    /** The times of the backups to delete, of the given ones. */
    public Set<Instant> expired(List<Instant> backups) {
        var newestFirst = backups.stream().sorted(Comparator.reverseOrder()).toList();
        var kept = new HashSet<Instant>();
        kept.addAll(newestPer(newestFirst, at -> at.atZone(ZoneOffset.UTC).toLocalDate(), daily));
        kept.addAll(newestPer(newestFirst, at -> {
            var day = at.atZone(ZoneOffset.UTC).toLocalDate();
            return day.get(IsoFields.WEEK_BASED_YEAR) * 100 + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }, weekly));
        kept.addAll(newestPer(newestFirst, at -> at.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1), monthly));
        var expired = new LinkedHashSet<>(newestFirst);
        expired.removeAll(kept);
        return expired;
    }

    /** The newest backup of each of the first {@code count} periods, newest period first. */
    private static Set<Instant> newestPer(List<Instant> newestFirst, Function<Instant, Object> period, int count) {
        var periods = new HashSet<Object>();
        var kept = new HashSet<Instant>();
        for (var at : newestFirst) {
            if (periods.size() == count && !periods.contains(period.apply(at))) {
                break;
            }
            if (periods.add(period.apply(at))) {
                kept.add(at);
            }
        }
        return kept;
    }
}
