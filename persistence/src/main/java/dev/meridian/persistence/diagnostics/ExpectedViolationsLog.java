package dev.meridian.persistence.diagnostics;

import org.eclipse.persistence.logging.JavaLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;

import dev.meridian.persistence.tenancy.Stored;

/**
 * EclipseLink's log (the same {@link JavaLog} Payara gives it), less one kind of noise. EclipseLink logs
 * every failed statement at WARNING with its whole stack before the exception reaches the code, whatever the
 * code then does with it; a username or slug already taken, or a user who still has support tickets, are
 * failures {@link Stored} expects and answers as a conflict in words. Those go to FINE; everything else as
 * before.
 */
public class ExpectedViolationsLog extends JavaLog {

    @Override
    public void log(SessionLogEntry entry) {
        if (entry.getLevel() == SessionLog.WARNING && entry.hasException()
                && Stored.isAnsweredViolation(entry.getException())) {
            entry.setLevel(SessionLog.FINE);
        }
        super.log(entry);
    }
}
