package org.ctoforum.membership.entity;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The one-time address that creates the first administrator. Stored as a hash; used once; expires. */
@Entity
@Table(name = "setup_link")
public class SetupLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private OneTimeSecret secret;

    protected SetupLink() {}

    public SetupLink(String tokenHash, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.secret = new OneTimeSecret(tokenHash, now, expiresAt);
    }

    public boolean usableAt(OffsetDateTime now) {
        return secret.usableAt(now);
    }

    public void use(OffsetDateTime now) {
        secret.use(now, "setup address");
    }
}
