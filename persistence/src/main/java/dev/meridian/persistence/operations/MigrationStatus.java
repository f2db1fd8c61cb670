package dev.meridian.persistence.operations;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.flywaydb.core.api.MigrationInfo;

import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.startup.DatabaseSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Which migrations this build carries and which the database has applied, as Flyway's {@code info} sees them
 * (the schema history against the scripts on the classpath), for platform admins. Read on its own plain
 * connection, like start-up's own check.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MigrationStatus {

    /** One migration: versioned (with a version) or repeatable, applied or pending. */
    public record Migration(String version, String description, String type, String script, Integer checksum,
            String state, Instant installedOn, String installedBy, Integer executionMillis) implements Serializable {

        public boolean isPending() {
            return installedOn == null;
        }
    }

    @Inject
    ActingContext context;

    /** Every migration in the reverse of Flyway's order: pending ones on top, then the newest applied. */
    public List<Migration> migrations() {
        var migrations = context.onPlatform(() -> DatabaseSettings.fromConfig().forReading().info().stream()
                .map(MigrationStatus::of)
                .collect(Collectors.toCollection(ArrayList::new)));
        Collections.reverse(migrations);
        return migrations;
    }

    private static Migration of(MigrationInfo info) {
        return new Migration(info.getVersion() == null ? null : info.getVersion().getVersion(), info.getDescription(),
                info.getType().name(), info.getScript(), info.getChecksum(), info.getState().getDisplayName(),
                info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(), info.getInstalledBy(),
                info.getExecutionTime());
    }
}
