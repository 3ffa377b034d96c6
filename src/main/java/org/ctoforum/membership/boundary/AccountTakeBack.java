package org.ctoforum.membership.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.platform.security.SignedOutEverywhere;

/**
 * An owner takes their account back, within the caller's transaction: every session, API token, signed download link
 * and calendar address issued so far stops working at once. Sessions and links carry the credential epoch they were
 * issued under; tokens are revoked here; other features revoke what they issued on {@link SignedOutEverywhere}.
 */
@Dependent
class AccountTakeBack {

    private static final Logger LOG = Logger.getLogger(AccountTakeBack.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<SignedOutEverywhere> signedOut;

    @Inject
    Clock clock;

    void signOutEverywhere(Account account, String why) {
        account.signOutEverywhere();
        int tokens = em.createQuery(
                        "update ApiToken t set t.revokedAt = :now where t.accountId = :a and t.revokedAt is null")
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("a", account.getId())
                .executeUpdate();
        signedOut.fire(new SignedOutEverywhere(account.getId()));
        LOG.info(() -> "Account " + account.getId() + " signed out everywhere (" + why + "): sessions, " + tokens
                + " API tokens, download links and calendar addresses revoked");
    }
}
