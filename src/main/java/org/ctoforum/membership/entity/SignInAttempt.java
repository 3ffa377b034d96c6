package org.ctoforum.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One sign-in attempt, kept for the throttle and for the record. */
@Entity
@Table(name = "sign_in_attempt")
public class SignInAttempt {

    public enum Outcome {
        SUCCESS,
        FAILURE,
        THROTTLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** As typed, normalized: failed attempts against unknown addresses count too. */
    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(name = "attempted_at", nullable = false)
    private OffsetDateTime attemptedAt;

    protected SignInAttempt() {}

    public SignInAttempt(String email, String address, String channel, Outcome outcome, OffsetDateTime now) {
        this.email = email;
        this.address = address;
        this.channel = channel;
        this.outcome = outcome;
        this.attemptedAt = now;
    }
}
