package org.ctoforum.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @Test
    void aPortSomethingElseListensOnEndsTheStartAtOnceAndSaysWhy(@TempDir Path data) throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = other.getLocalPort();
            IllegalStateException refused = assertThrows(
                    IllegalStateException.class, () -> EmbeddedDatabase.start(data.resolve("postgres"), port));
            assertTrue(refused.getMessage().contains("Port " + port + " is already in use"), refused.getMessage());
            assertTrue(refused.getMessage().contains("PORTAL_DB_EMBEDDED_PORT"), refused.getMessage());
            assertFalse(Files.exists(data.resolve("postgres")), "nothing was written");
        }
    }
}
