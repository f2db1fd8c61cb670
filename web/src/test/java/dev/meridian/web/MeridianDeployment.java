package dev.meridian.web;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.postgresql.Driver;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.meridian.migrations.Migrations;
import dev.meridian.migrations.TestDatabase;
import dev.meridian.persistence.startup.ApplicationStartup;
import dev.meridian.web.api.ApiApplication;

/**
 * The one deployment every container test uses: a WAR holding what the EAR holds (web, persistence and domain
 * classes, the persistence unit and its mapping file, and the migrations, Flyway and driver jars its
 * {@code lib/} carries), against a fresh, empty database that the application migrates itself at start-up, as
 * on a first deployment. Libraries come from the test classpath, so nothing is resolved over the network. The
 * database is dropped when the test JVM exits, after Arquillian has stopped Payara Micro.
 */
public final class MeridianDeployment {

    /** The bootstrap platform admin's name, as {@code PlatformBootstrap} creates it. */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "container-test-admin-password";

    /** Keeps test classes that need the test classpath (this one, its database) out of the WAR. */
    private static final Filter<ArchivePath> APPLICATION_CLASSES = path -> !path.get()
            .contains("/" + MeridianDeployment.class.getSimpleName());

    private MeridianDeployment() {
    }

    public static WebArchive create() {
        return create(TestDatabase.createEmpty());
    }

    /**
     * The deployment against a database the test class created itself, fresh and empty, so that it can arrange
     * reference data there (as the platform) once the application has migrated it.
     */
    public static WebArchive create(TestDatabase database) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(database), "drop " + database.name()));

        var persistence = library(ApplicationStartup.class);
        return ShrinkWrap.create(WebArchive.class, "meridian.war")
                .addPackages(true, APPLICATION_CLASSES, "dev.meridian.web", "dev.meridian.persistence",
                        "dev.meridian.domain")
                .addAsResource(persistence.get("META-INF/persistence.xml").getAsset(), "META-INF/persistence.xml")
                .addAsResource(persistence.get("META-INF/orm.xml").getAsset(), "META-INF/orm.xml")
                .addAsResource(new StringAsset(configuration(database)), "META-INF/microprofile-config.properties")
                // the EAR's lib/: migrations (SQL under db/migration), Flyway and its database support and
                // Jackson, the JDBC driver, Caffeine
                .addAsLibraries(library(Migrations.class), library(Flyway.class),
                        library(PostgreSQLConfigurationExtension.class), library(ObjectMapper.class),
                        library(JsonParser.class), library(JsonProperty.class), library(Driver.class),
                        library(Caffeine.class));
    }

    /**
     * What an operator sets in the environment, as the application's own configuration file. Its ordinal beats
     * the environment's, so a {@code DATABASE_URL} exported in the shell that runs the build never points the
     * test at another database.
     */
    private static String configuration(TestDatabase database) {
        var settings = new Properties();
        // the API's own configuration file, which this one replaces in the WAR (mp.openapi.filter)
        var apiSettings = new File(location(ApiApplication.class), "META-INF/microprofile-config.properties");
        try (var in = new FileInputStream(apiSettings)) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.setProperty("config_ordinal", "500");
        settings.setProperty("DATABASE_URL", database.url());
        settings.setProperty("DATABASE_USER", database.roles().appRole());
        settings.setProperty("DATABASE_OWNER_USER", database.owner());
        settings.setProperty("MERIDIAN_READONLY_ROLE", database.roles().readonlyRole());
        settings.setProperty("MERIDIAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // hashing strength is not under test here; Soteria's minimum keeps every password check fast
        settings.setProperty("MERIDIAN_PASSWORD_ITERATIONS", "1024");
        // the tests run jobs themselves: a timer firing mid-test would hold a job's lease
        for (var job : List.of("REFRESH_READ_MODELS", "MAINTAIN_PARTITIONS", "SNAPSHOT_ROW_COUNTS", "ROLL_UP_USAGE",
                "SNAPSHOT_HEALTH", "BACKUP", "DISPATCH_NOTIFICATIONS")) {
            settings.setProperty("MERIDIAN_JOB_" + job + "_SCHEDULE", "off");
        }
        // backups of the test database go beside the build's other output (and the owner who takes them needs
        // BYPASSRLS and CREATEDB, which the test that runs the backup grants)
        settings.setProperty("MERIDIAN_BACKUP_DIR",
                Path.of("target", "backups", database.name()).toAbsolutePath().toString());
        // responses say how many statements they sent, which tests assert
        settings.setProperty("MERIDIAN_SERVER_TIMING", "true");
        // a failing job's retries come within seconds, not minutes
        settings.setProperty("MERIDIAN_JOB_RETRY_DELAY_SECONDS", "1");
        // the webhook receivers of the tests listen on loopback
        settings.setProperty("MERIDIAN_WEBHOOK_PRIVATE_ADDRESSES", "true");
        // quotas are re-read every second, so a test sees other instances' calls count within seconds
        settings.setProperty("MERIDIAN_QUOTA_REFRESH_SECONDS", "1");
        var text = new StringWriter();
        try {
            settings.store(text, "Meridian container test: database " + database.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * The jar (or, in a reactor build, the module's classes directory) a class was loaded from, as a library.
     */
    private static JavaArchive library(Class<?> member) {
        var location = location(member);
        if (location.isDirectory()) {
            // .../<module>/target/classes
            var module = location.getParentFile().getParentFile().getName();
            return ShrinkWrap.create(ExplodedImporter.class, module + ".jar").importDirectory(location)
                    .as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, location);
    }

    private static File location(Class<?> member) {
        try {
            return new File(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + member, e);
        }
    }

    private static void drop(TestDatabase database) {
        try {
            database.close();
        } catch (SQLException e) {
            System.err.println("could not drop test database " + database.name() + ": " + e.getMessage());
        }
    }
}
