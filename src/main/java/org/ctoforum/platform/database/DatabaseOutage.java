package org.ctoforum.platform.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by an unreachable database from any other, so that callers get 503 and a hint to retry
 * rather than a 500: the pool's wait ran out, a connection broke, or none could be made.
 */
public final class DatabaseOutage {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {}

    public static boolean causedBy(Throwable thrown) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            if (current instanceof SQLTransientConnectionException || current instanceof ConnectException) {
                return true;
            }
            if (current instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    private static boolean isOutage(SQLException sql) {
        // SQLState class 08 is "connection exception"; 57P01-57P03 is the server shutting down or starting.
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
            return true;
        }
        // Payara's pool says so only in words when its wait runs out.
        String message = sql.getMessage();
        return message != null && message.contains("Error in allocating a connection");
    }
}
