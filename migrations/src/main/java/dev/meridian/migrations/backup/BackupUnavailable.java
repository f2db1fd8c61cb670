package dev.meridian.migrations.backup;

/**
 * No backup can be taken here as things are (no usable {@code pg_dump}, a role that cannot read every row).
 */
public class BackupUnavailable extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public BackupUnavailable(String message) {
        super(message);
    }
}
