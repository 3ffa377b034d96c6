package org.ctoforum.platform.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/** A mail waiting in the outbox, or its record once sent. Delivery retries with growing pauses, then gives up. */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail {

    static final int MAX_ATTEMPTS = 8;

    public enum Status {
        PENDING,
        SENT,
        /** Mail is switched off; the message went to the log. */
        LOGGED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutgoingMail() {}

    public OutgoingMail(String recipient, String subject, String body, OffsetDateTime now) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Not due again before {@code until}, unless its sender records an outcome first. */
    void claimUntil(OffsetDateTime until) {
        nextAttemptAt = until;
    }

    void sent(OffsetDateTime now) {
        status = Status.SENT;
        sentAt = now;
        attempts++;
        lastError = null;
    }

    void logged(OffsetDateTime now) {
        status = Status.LOGGED;
        sentAt = now;
    }

    /** A failed attempt: try again after 30 s, 1 min, 2 min … until {@link #MAX_ATTEMPTS}. */
    void failed(String error, OffsetDateTime now) {
        attempts++;
        lastError = error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= MAX_ATTEMPTS) {
            status = Status.FAILED;
        } else {
            nextAttemptAt = now.plus(Duration.ofSeconds(30L << (attempts - 1)));
        }
    }

    public Long id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }
}
