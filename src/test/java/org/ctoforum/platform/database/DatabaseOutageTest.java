package org.ctoforum.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseIsRecognisedThroughTheWrappers() {
        assertTrue(DatabaseOutage.causedBy(
                new EJBException(new PersistenceException(new SQLException("I/O error", "08006")))));
        assertTrue(DatabaseOutage.causedBy(new PersistenceException(
                new SQLException("Error in allocating a connection. Cause: In-use connections equal max-pool-size"))));
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(DatabaseOutage.causedBy(new SQLException("the database system is shutting down", "57P03")));
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("a bug")));
        assertFalse(DatabaseOutage.causedBy(new EJBException("no cause")));
    }
}
