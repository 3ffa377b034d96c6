package org.ctoforum.discussions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.ctoforum.platform.limits.RateLimits;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.platform.web.ClientAddress;

/**
 * How fast posts may come: per account, counted in the database so that the count survives a restart and holds
 * across nodes; per address, in this node's token buckets. Both answer 429 with when to try again. Called within a
 * request (the API or a page), whose client address it reads.
 */
@ApplicationScoped
public class PostingLimits {

    private static final Logger LOG = Logger.getLogger(PostingLimits.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServletRequest request;

    /** Refuses one more post by {@code author} when either limit is reached. */
    public void check(long author) {
        int perMinute = settings.number(PortalSetting.POSTS_PER_MINUTE);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<OffsetDateTime> recent = em.createQuery(
                        "select p.createdAt from Post p where p.authorId = :a and p.createdAt > :since"
                                + " order by p.createdAt",
                        OffsetDateTime.class)
                .setParameter("a", author)
                .setParameter("since", now.minusMinutes(1))
                .getResultList();
        if (recent.size() >= perMinute) {
            long wait = Math.max(
                    1, Duration.between(now, recent.get(0).plusMinutes(1)).toSeconds() + 1);
            LOG.info(() -> "Account " + author + " is posting too fast; told to wait " + wait + " s");
            throw ProblemException.tooManyRequests(
                    "You can write " + perMinute + " posts a minute. Try again in " + wait + " seconds.", wait);
        }
        String address = clientAddress.of(request);
        rateLimits.take(RateLimits.Limit.POST_BY_ADDRESS, address).ifPresent(refill -> {
            long wait = Math.max(1, refill.toSeconds() + 1);
            LOG.info(() -> "Too many posts from " + address + "; account " + author + " told to wait " + wait + " s");
            throw ProblemException.tooManyRequests(
                    "Too many posts from your network in the last minute. Try again in " + wait + " seconds.", wait);
        });
    }
}
