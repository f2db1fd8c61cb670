/**
 * Backups as custom-format {@code pg_dump} files with their row counts, a retention policy, a restore check
 * into a scratch database, and restores: {@link dev.meridian.migrations.backup.Backups}, used alike by the
 * scheduled backup job in the application and by the operators' command line.
 */
package dev.meridian.migrations.backup;
