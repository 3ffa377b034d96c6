package org.ctoforum.discussions.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctoforum.discussions.entity.Post;
import org.ctoforum.discussions.entity.WatchLevel;

/**
 * Watch levels for threads and categories, and per-thread read marks. Upserts in SQL, so two tabs of one member
 * never collide; a read mark only moves forward.
 */
@Stateless
public class Watches {

    @PersistenceContext
    EntityManager em;

    public void watchThread(long account, long thread, WatchLevel level) {
        em.createNativeQuery("insert into discussion_watch (account_id, thread_id, level) values (?, ?, ?)"
                        + " on conflict (account_id, thread_id) where thread_id is not null"
                        + " do update set level = excluded.level")
                .setParameter(1, account)
                .setParameter(2, thread)
                .setParameter(3, level.name())
                .executeUpdate();
    }

    /** Sets a thread's level only when the member has not chosen one: posting makes you watch, unless you said no. */
    public void watchThreadUnlessChosen(long account, long thread, WatchLevel level) {
        em.createNativeQuery("insert into discussion_watch (account_id, thread_id, level) values (?, ?, ?)"
                        + " on conflict (account_id, thread_id) where thread_id is not null do nothing")
                .setParameter(1, account)
                .setParameter(2, thread)
                .setParameter(3, level.name())
                .executeUpdate();
    }

    public void watchCategory(long account, long category, WatchLevel level) {
        em.createNativeQuery("insert into discussion_watch (account_id, category_id, level) values (?, ?, ?)"
                        + " on conflict (account_id, category_id) where category_id is not null"
                        + " do update set level = excluded.level")
                .setParameter(1, account)
                .setParameter(2, category)
                .setParameter(3, level.name())
                .executeUpdate();
    }

    /** The level that applies: the thread's if chosen, else the category's, else tracking. */
    public WatchLevel effective(long account, long thread, long category) {
        return level(account, "thread_id", thread)
                .or(() -> level(account, "category_id", category))
                .orElse(WatchLevel.TRACKING);
    }

    public Optional<WatchLevel> threadLevel(long account, long thread) {
        return level(account, "thread_id", thread);
    }

    public Map<Long, WatchLevel> categoryLevels(long account) {
        Map<Long, WatchLevel> levels = new HashMap<>();
        for (Object row : em.createNativeQuery(
                        "select category_id, level from discussion_watch where account_id = ? and category_id is not null")
                .setParameter(1, account)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            levels.put(((Number) columns[0]).longValue(), WatchLevel.valueOf(columns[1].toString()));
        }
        return levels;
    }

    /**
     * Everyone with a say about a thread: account id to level, the thread's choice overriding the category's. Whether
     * each account may still be told is the notifier's question.
     */
    public Map<Long, WatchLevel> watchers(long thread, long category) {
        Map<Long, WatchLevel> levels = new HashMap<>();
        List<?> rows = em.createNativeQuery("select w.account_id, w.level, w.thread_id is not null"
                        + " from discussion_watch w"
                        + " where w.thread_id = ? or w.category_id = ? order by 3")
                .setParameter(1, thread)
                .setParameter(2, category)
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            // Category rows come first (false sorts first), so a thread row overrides.
            levels.put(((Number) columns[0]).longValue(), WatchLevel.valueOf(columns[1].toString()));
        }
        return levels;
    }

    public void markRead(long account, long thread, long lastReadPostId) {
        em.createNativeQuery("insert into discussion_read_mark (account_id, thread_id, last_read_id) values (?, ?, ?)"
                        + " on conflict (account_id, thread_id) do update"
                        + " set last_read_id = greatest(discussion_read_mark.last_read_id, excluded.last_read_id)")
                .setParameter(1, account)
                .setParameter(2, thread)
                .setParameter(3, lastReadPostId)
                .executeUpdate();
    }

    public Optional<Long> lastRead(long account, long thread) {
        return em.createNativeQuery(
                        "select last_read_id from discussion_read_mark where account_id = ? and thread_id = ?")
                .setParameter(1, account)
                .setParameter(2, thread)
                .getResultStream()
                .findFirst()
                .map(value -> ((Number) value).longValue());
    }

    /** For each listed thread the member has opened: unread visible posts after the mark, and the first of them. */
    public Map<Long, long[]> unread(long account, List<Long> threads) {
        Map<Long, long[]> unread = new HashMap<>();
        if (threads.isEmpty()) {
            return unread;
        }
        String ids = threads.stream()
                .map(String::valueOf)
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        for (Object row : em.createNativeQuery("select m.thread_id, count(p.id), coalesce(min(p.id), 0)"
                        + " from discussion_read_mark m left join discussion_post p on p.thread_id = m.thread_id"
                        + " and p.status = ?2 and p.id > m.last_read_id"
                        + " where m.account_id = ?1 and m.thread_id in (" + ids + ") group by m.thread_id")
                .setParameter(1, account)
                .setParameter(2, Post.Status.VISIBLE.name())
                .getResultList()) {
            Object[] columns = (Object[]) row;
            unread.put(
                    ((Number) columns[0]).longValue(),
                    new long[] {((Number) columns[1]).longValue(), ((Number) columns[2]).longValue()});
        }
        return unread;
    }

    private Optional<WatchLevel> level(long account, String column, long id) {
        return em.createNativeQuery("select level from discussion_watch where account_id = ? and " + column + " = ?")
                .setParameter(1, account)
                .setParameter(2, id)
                .getResultStream()
                .findFirst()
                .map(value -> WatchLevel.valueOf(value.toString()));
    }
}
