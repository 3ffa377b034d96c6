package org.ctoforum.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Something an account should know about, with a link to it. The text is written by the feature that notifies and
 * must already be fit for the recipient's eyes (a Chatham House author is never named in it).
 */
@Entity
@Table(name = "notification")
public class Notification {

    /** What became of the mail for this notification. */
    public enum Mail {
        SENT,
        /** Waits for the next daily digest. */
        DIGEST,
        NONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private String link;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Mail mail;

    /** The text names what only members (and staff) may read. */
    @Column(name = "members_only", nullable = false)
    private boolean membersOnly;

    protected Notification() {}

    public Notification(
            long accountId, String kind, String text, String link, boolean membersOnly, Mail mail, OffsetDateTime now) {
        this.accountId = accountId;
        this.kind = kind;
        this.text = text.length() > 400 ? text.substring(0, 399) + "…" : text;
        this.link = link;
        this.membersOnly = membersOnly;
        this.mail = mail;
        this.createdAt = now;
    }

    /**
     * Whether a reader may see the text and link now. A members-only notice is withheld from a reader whose
     * membership lapsed since: it named a thread they may no longer read.
     */
    public boolean shownTo(boolean readsMembersOnly) {
        return !membersOnly || readsMembersOnly;
    }

    public void markRead(OffsetDateTime now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public void digested() {
        mail = Mail.SENT;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public String getLink() {
        return link;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getReadAt() {
        return readAt;
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
