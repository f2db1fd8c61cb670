package dev.meridian.persistence.operations;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.meridian.migrations.backup.BackupSettings;
import jakarta.persistence.EntityManager;

/**
 * Takes a custom-format backup of the database as its owner, checks that it restores into a scratch database
 * with the same row count in every table, and deletes the backups retention no longer keeps
 * ({@link dev.meridian.migrations.backup.Backups}, which the operators' {@code backup} command runs too).
 * With {@code MERIDIAN_BACKUP_DIR} unset the run is skipped as "not configured"; without a usable
 * {@code pg_dump}, or when the restore check finds a difference, it fails with what is wrong (and is
 * retried). Rows affected: the rows backed up; the note names the file and the restore check.
 */
final class TakeBackup implements Job {

    static final String NAME = "backup";

    private final Function<String, Optional<String>> settings;

    /** Backups as configured (MicroProfile Config). */
    TakeBackup() {
        this(name -> ConfigProvider.getConfig(TakeBackup.class.getClassLoader()).getOptionalValue(name,
                String.class));
    }

    TakeBackup(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long run(EntityManager entityManager) {
        return perform(entityManager).rows();
    }

    @Override
    public JobResult perform(EntityManager entityManager) {
        return BackupSettings.backups(settings)
                .map(backups -> {
                    var report = backups.backUpAndCheck();
                    return JobResult.succeeded(report.check().rows(), report.toString());
                })
                .orElseGet(() -> JobResult.skipped("not configured: " + BackupSettings.DIRECTORY
                        + " is unset, so no backup is taken"));
    }
}
