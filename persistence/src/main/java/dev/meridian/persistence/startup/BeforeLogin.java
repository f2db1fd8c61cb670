package dev.meridian.persistence.startup;

import java.util.logging.Logger;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

import dev.meridian.persistence.context.ContextRidingConnector;

/**
 * What has to happen before EclipseLink first connects through the application's pool. Registered in
 * {@code persistence.xml}.
 * <ul>
 * <li>Its connector is wrapped ({@link ContextRidingConnector}), so that the row-level security settings
 * travel with each transaction's first statement. (Done by a new session customizer instead, the EAR failed
 * to deploy on Payara Server with a {@code NoClassDefFoundError} for {@code SessionCustomizer}, though the
 * older customizer loads; Payara Micro deployed it. Here it needs no class of its own.)</li>
 * <li>The schema is migrated, as the owner. Payara logs the persistence unit in while it deploys the
 * application, before any {@code @Startup} bean runs; on a new database the application role does not exist
 * until the first migration creates it, so migrating any later would fail the first deployment. Without owner
 * credentials it migrates nothing.</li>
 * </ul>
 */
public class BeforeLogin extends SessionEventAdapter {

    private static final Logger LOG = Logger.getLogger(BeforeLogin.class.getName());

    @Override
    public void preLogin(SessionEvent event) {
        ContextRidingConnector.install(event.getSession());
        var settings = DatabaseSettings.fromConfig();
        settings.asOwner().ifPresentOrElse(
                migrations -> {
                    int applied = migrations.migrate();
                    LOG.info(() -> "Schema migrations applied as " + settings.owner() + ": " + applied);
                },
                () -> LOG.warning("DATABASE_OWNER_USER is not set: no migrations at start-up; run them as the owner"));
    }
}
