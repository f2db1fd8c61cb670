package dev.meridian.admin.security;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Ends a portal session after {@value #SETTING} idle minutes; by default {@value #DEFAULT_MINUTES}, web.xml's
 * session timeout.
 */
@WebListener
public class SessionTimeout implements HttpSessionListener {

    static final int DEFAULT_MINUTES = 30;

    static final String SETTING = "MERIDIAN_PORTAL_SESSION_MINUTES";

    private final int seconds = seconds(ConfigProvider.getConfig(SessionTimeout.class.getClassLoader())
            .getOptionalValue(SETTING, Integer.class)
            .orElse(DEFAULT_MINUTES));

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(seconds);
    }

    // a session that never ends (0 or less) is no setting to accept by mistake: the deployment fails instead
    private static int seconds(int minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException(SETTING + " must be at least 1, not " + minutes);
        }
        return minutes * 60;
    }
}
