package org.ctoforum.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** The period an account is a member. No expiry means it runs until staff end it. */
@Embeddable
public class Membership {

    @Column(name = "membership_start")
    private LocalDate start;

    @Column(name = "membership_expiry")
    private LocalDate expiry;

    protected Membership() {}

    public Membership(LocalDate start, LocalDate expiry) {
        if (start == null) {
            throw new IllegalArgumentException("A membership needs a start date");
        }
        if (expiry != null && expiry.isBefore(start)) {
            throw new IllegalArgumentException("A membership cannot expire before it starts");
        }
        this.start = start;
        this.expiry = expiry;
    }

    public boolean activeOn(LocalDate day) {
        return start != null && !day.isBefore(start) && (expiry == null || !day.isAfter(expiry));
    }

    public LocalDate getStart() {
        return start;
    }

    public LocalDate getExpiry() {
        return expiry;
    }
}
