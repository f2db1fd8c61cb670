package dev.meridian.persistence.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TakeBackupTest {

    @Test
    void withoutABackupDirectoryTheRunIsSkippedAsNotConfigured() {
        var result = new TakeBackup(name -> Optional.empty()).perform(null);

        assertTrue(result.skipped());
        assertEquals(Optional.of("not configured: MERIDIAN_BACKUP_DIR is unset, so no backup is taken"),
                result.note());
    }

    @Test
    void aBackupDirectoryWithoutTheOwnerFailsNamingTheMissingSetting() {
        var settings = Map.of("MERIDIAN_BACKUP_DIR", "/var/backups/meridian", "DATABASE_URL",
                "jdbc:postgresql://db/meridian");

        var failure = assertThrows(IllegalStateException.class,
                () -> new TakeBackup(name -> Optional.ofNullable(settings.get(name))).perform(null));

        assertTrue(failure.getMessage().startsWith("DATABASE_OWNER_USER is not set"), failure.getMessage());
    }
}
