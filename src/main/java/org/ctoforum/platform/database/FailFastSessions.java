package org.ctoforum.platform.database;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink by default retries a failed connection three times, five seconds apart, so a request reaching an
 * unreachable database would hang for 15 s. The pool already waits up to 2 s for a connection and validates each one;
 * with no retries on top, such a request answers 503 at once (DatabaseOutage), and the pool reconnects by itself
 * when the database returns. The outage scenario measured the difference.
 */
public class FailFastSessions implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
