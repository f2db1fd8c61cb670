package dev.meridian.persistence.diagnostics;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts every SQL call the persistence unit executes into {@link StatementCount}; registered in
 * {@code persistence.xml} as the session customizer.
 */
public class CountStatements implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void postExecuteCall(SessionEvent event) {
                StatementCount.oneMore();
            }
        });
    }
}
