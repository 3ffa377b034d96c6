package org.ctoforum.platform.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Predicate;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.TestServices;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbox when the SMTP server is down: the failure is recorded, nothing is lost, and the mail goes out later. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailRetryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Portal.war();
    }

    @ArquillianResource
    URL base;

    /** Where a mail stands in the outbox. */
    record Row(long id, String status, int attempts, String lastError) {}

    @AfterEach
    void mailServerBack() {
        if (!TestServices.mail().isRunning()) {
            TestServices.startMail();
        }
    }

    @Test
    void aMailThatFailedIsSentOnceTheServerIsBack() throws Exception {
        Portal portal = new Portal(base);
        String email = "retry-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        portal.signUp("{\"email\":\"" + email + "\",\"displayName\":\"Retry Person\","
                + "\"district\":\"Test District\",\"jobTitle\":\"CTO\",\"password\":\"a long passphrase\"}");

        TestServices.stopMail();
        assertEquals(
                202,
                portal.postJson("/api/password-resets", "{\"email\":\"" + email + "\"}")
                        .status());
        Row failed = awaitRow(email, row -> row.attempts() == 1);
        assertEquals("PENDING", failed.status(), "tried again later, not given up");
        assertTrue(failed.lastError() != null && !failed.lastError().isBlank(), "the error is kept: " + failed);

        TestServices.startMail();
        dueNow(failed.id()); // the first retry waits 30 s; the test does not
        Row sent = awaitRow(email, row -> row.status().equals("SENT"));
        assertEquals(2, sent.attempts());
        assertEquals(failed.id(), sent.id(), "the same mail, not a second one");
        assertEquals(1, received(email), "delivered once");
    }

    /** The newest outbox row for the recipient once it matches; the timeout message shows the last row seen. */
    private static Row awaitRow(String recipient, Predicate<Row> until) {
        return await().alias("the mail to " + recipient + " to get there")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> row(recipient), row -> row != null && until.test(row));
    }

    private static Row row(String recipient) throws SQLException {
        try (Connection db = DriverManager.getConnection(TestServices.jdbcUrl());
                PreparedStatement query = db.prepareStatement("select id, status, attempts, last_error"
                        + " from outgoing_mail where recipient = ? order by id desc limit 1")) {
            query.setString(1, recipient);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next()
                        ? new Row(rows.getLong(1), rows.getString(2), rows.getInt(3), rows.getString(4))
                        : null;
            }
        }
    }

    private static void dueNow(long id) throws SQLException {
        try (Connection db = DriverManager.getConnection(TestServices.jdbcUrl());
                PreparedStatement update =
                        db.prepareStatement("update outgoing_mail set next_attempt_at = now() where id = ?")) {
            update.setLong(1, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static long received(String recipient) throws Exception {
        MimeMessage[] messages = TestServices.mail().getReceivedMessages();
        return Arrays.stream(messages)
                .filter(message -> {
                    try {
                        return message.getAllRecipients()[0].toString().equals(recipient);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
    }
}
