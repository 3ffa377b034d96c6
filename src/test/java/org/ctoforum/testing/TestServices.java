package org.ctoforum.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ctoforum.launcher.EmbeddedDatabase;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the integration tests only: a real embedded PostgreSQL and a GreenMail SMTP server, up before Arquillian
 * starts Payara Micro and down after the last test. Failsafe sets the ports; unit tests leave them unset.
 */
public class TestServices implements LauncherSessionListener {

    private static EmbeddedDatabase database;
    private static GreenMail mail;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("portal.it.db.port");
        if (port == null || database != null) {
            return;
        }
        try {
            Path directory = Files.createTempDirectory("portal-it-postgres");
            database = EmbeddedDatabase.start(directory, Integer.parseInt(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startMail();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (mail != null) {
            mail.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    /** The SMTP server the portal under test sends to. */
    public static GreenMail mail() {
        if (mail == null) {
            throw new IllegalStateException("GreenMail runs only in the integration tests (failsafe)");
        }
        return mail;
    }

    /** Takes the SMTP server down, so that a test sees sending fail; {@link #startMail()} brings up a fresh one. */
    public static void stopMail() {
        mail().stop();
    }

    public static void startMail() {
        mail = new GreenMail(
                new ServerSetup(Integer.parseInt(System.getProperty("portal.it.smtp.port")), "127.0.0.1", "smtp"));
        mail.start();
    }

    /** The database the portal under test uses, for a test to read what the API does not show. */
    public static String jdbcUrl() {
        if (database == null) {
            throw new IllegalStateException("The embedded PostgreSQL runs only in the integration tests (failsafe)");
        }
        return database.jdbcUrl();
    }
}
