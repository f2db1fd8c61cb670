package dev.meridian.persistence.startup;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

import dev.meridian.persistence.context.ContextRidingConnector;
import dev.meridian.persistence.diagnostics.CountStatements;

/** The persistence unit's session customizers, in order: {@code persistence.xml} names a single class. */
public class CustomizeSession implements SessionCustomizer {

    @Override
    public void customize(Session session) throws Exception {
        new CountStatements().customize(session);
        new ContextRidingConnector.Install().customize(session);
    }
}
