package dev.meridian.persistence.startup;

import java.util.logging.Logger;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Migrates the schema, as the owner, before EclipseLink first connects through the application's pool. Payara
 * logs the persistence unit in while it deploys the application, before any {@code @Startup} bean runs; on a
 * new database the application role does not exist until the first migration creates it, so migrating any
 * later would fail the first deployment. Registered in {@code persistence.xml}. Without owner credentials it
 * migrates nothing.
 */
public class MigrateBeforeLogin extends SessionEventAdapter {

    private static final Logger LOG = Logger.getLogger(MigrateBeforeLogin.class.getName());

    @Override
    public void preLogin(SessionEvent event) {
        var settings = DatabaseSettings.fromConfig();
        settings.asOwner().ifPresentOrElse(
                migrations -> {
                    int applied = migrations.migrate();
                    LOG.info(() -> "Schema migrations applied as " + settings.owner() + ": " + applied);
                },
                () -> LOG.warning("DATABASE_OWNER_USER is not set: no migrations at start-up; run them as the owner"));
    }
}
