package org.ctoforum.membership.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.ctoforum.membership.entity.ApiToken;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.security.Secrets;

/** Personal API tokens: each member creates, lists and revokes their own, and nobody else's. */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class.getName());
    private static final String PREFIX = "ctf_";
    static final int MAX_ACTIVE = 20;

    /** A token as listed; the secret itself is never shown again. */
    public record TokenView(
            long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt, boolean active)
            implements Serializable {
        static TokenView of(ApiToken token) {
            return new TokenView(
                    token.getId(),
                    token.getName(),
                    token.getPrefix(),
                    token.getCreatedAt(),
                    token.getLastUsedAt(),
                    token.active());
        }
    }

    /** A new token, with the secret shown this once. */
    public record CreatedToken(long id, String name, String token) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public CreatedToken create(String name) {
        long owner = caller.requireAccountId();
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            throw ProblemException.badRequest("Give the token a name of 1 to 80 characters, such as 'laptop'.");
        }
        long active = em.createQuery(
                        "select count(t) from ApiToken t where t.accountId = :owner and t.revokedAt is null",
                        Long.class)
                .setParameter("owner", owner)
                .getSingleResult();
        if (active >= MAX_ACTIVE) {
            throw ProblemException.conflict("You have " + MAX_ACTIVE + " active tokens; revoke one first.");
        }
        String secret = Secrets.generate(PREFIX);
        ApiToken token = new ApiToken(
                owner, name.strip(), Secrets.sha256(secret), secret.substring(0, 10), OffsetDateTime.now(clock));
        em.persist(token);
        em.flush();
        LOG.info(() -> "Account " + owner + " created API token " + token.getId());
        return new CreatedToken(token.getId(), token.getName(), secret);
    }

    public List<TokenView> mine() {
        return em.createQuery(
                        "select t from ApiToken t where t.accountId = :owner order by t.createdAt desc", ApiToken.class)
                .setParameter("owner", caller.requireAccountId())
                .getResultStream()
                .map(TokenView::of)
                .toList();
    }

    /** Another member's token answers 404, exactly like a token that does not exist. */
    public void revoke(long id) {
        long owner = caller.requireAccountId();
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || token.getAccountId() != owner) {
            throw ProblemException.notFound("Token " + id);
        }
        token.revoke(OffsetDateTime.now(clock));
        LOG.info(() -> "Account " + owner + " revoked API token " + id);
    }
}
