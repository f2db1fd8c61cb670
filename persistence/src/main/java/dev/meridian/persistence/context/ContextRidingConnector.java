package dev.meridian.persistence.context;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.Properties;

import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Hands EclipseLink each transaction's connection inside {@link ContextRidesAlong}, so that the row-level
 * security settings travel with the transaction's first statement. Wraps whichever connector the server set
 * up (the JTA data source's), and is installed on the session before it logs in ({@code BeforeLogin}).
 */
public final class ContextRidingConnector implements Connector {

    private static final long serialVersionUID = 1L;

    private final Connector server;

    private ContextRidingConnector(Connector server) {
        this.server = server;
    }

    /** Installs the connector on the session's login, before it logs in. */
    public static void install(Session session) {
        var login = (DatasourceLogin) session.getDatasourceLogin();
        login.setConnector(new ContextRidingConnector(login.getConnector()));
    }

    @Override
    public Connection connect(Properties properties, Session session) {
        return ContextRidesAlong.around(server.connect(properties, session));
    }

    @Override
    public Object clone() {
        return new ContextRidingConnector((Connector) server.clone());
    }

    @Override
    public void toString(PrintWriter writer) {
        server.toString(writer);
    }

    @Override
    public String getConnectionDetails() {
        return server.getConnectionDetails();
    }
}
