package org.ctoforum.search.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ctoforum.discussions.entity.Category;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.discussions.entity.Post;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.search.boundary.SearchSources.Batch;
import org.ctoforum.search.boundary.SearchSources.Update;
import org.ctoforum.search.control.SearchDocument;

/**
 * Reads discussions for the index, within {@link SearchSources}' transaction. A thread's title, rule, category and
 * authors' names show in all its documents, so a change to any of them re-reads the thread whole.
 */
@Dependent
class DiscussionSources {

    /** A rebuild only reads: EclipseLink then skips the copy it keeps of each entity to detect changes. */
    private static final String READ_ONLY = "eclipselink.read-only";

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    Update category(long id) {
        return Update.ofEach(
                em.createQuery("select t.id from DiscussionThread t where t.categoryId = :c", Long.class)
                        .setParameter("c", id)
                        .getResultList(),
                this::thread);
    }

    /** The threads an account wrote in, where its name shows: each read whole, its names loaded in one query. */
    Update author(long accountId) {
        return Update.ofEach(
                em.createQuery(
                                "select distinct t.id from DiscussionThread t, Post p where p.threadId = t.id"
                                        + " and p.authorId = :a and t.chathamHouse = false",
                                Long.class)
                        .setParameter("a", accountId)
                        .getResultList(),
                this::thread);
    }

    /** A thread and all its posts: its title, rule and category show in every one of them. */
    Update thread(long id) {
        Update update = Update.empty();
        update.removeKeys().add(SearchDocument.key(Documents.THREAD, id));
        update.removeChildrenOf().add(SearchDocument.key(Documents.THREAD, id));
        DiscussionThread thread = em.find(DiscussionThread.class, id);
        if (thread == null) {
            return update;
        }
        List<Post> posts = em.createQuery("select p from Post p where p.threadId = :t order by p.id", Post.class)
                .setParameter("t", id)
                .getResultList();
        Category category = em.find(Category.class, thread.getCategoryId());
        Map<Long, String> names = names(authors(List.of(thread), posts));
        Post first = posts.isEmpty() ? null : posts.get(0);
        Documents.thread(thread, category, first, names).ifPresent(update.put()::add);
        for (Post post : posts.subList(Math.min(1, posts.size()), posts.size())) {
            Documents.post(post, thread, category, names).ifPresent(update.put()::add);
        }
        return update;
    }

    Update post(long id) {
        Post post = em.find(Post.class, id);
        if (post == null) {
            Update update = Update.empty();
            update.removeKeys().add(SearchDocument.key(Documents.POST, id));
            return update;
        }
        long first = em.createQuery("select min(p.id) from Post p where p.threadId = :t", Long.class)
                .setParameter("t", post.getThreadId())
                .getSingleResult();
        if (first == id) {
            return thread(post.getThreadId());
        }
        Update update = Update.empty();
        update.removeKeys().add(SearchDocument.key(Documents.POST, id));
        DiscussionThread thread = em.find(DiscussionThread.class, post.getThreadId());
        Category category = em.find(Category.class, thread.getCategoryId());
        Documents.post(post, thread, category, names(authors(List.of(thread), List.of(post))))
                .ifPresent(update.put()::add);
        return update;
    }

    Batch threads(long afterId, int size) {
        List<DiscussionThread> threads = em.createQuery(
                        "select t from DiscussionThread t where t.id > :after order by t.id", DiscussionThread.class)
                .setHint(READ_ONLY, true)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
        if (threads.isEmpty()) {
            return new Batch(List.of(), afterId, 0);
        }
        Set<Long> ids = threads.stream().map(DiscussionThread::getId).collect(Collectors.toSet());
        Map<Long, Post> firsts = new HashMap<>();
        em.createQuery(
                        "select p from Post p where p.id in (select min(q.id) from Post q where q.threadId in :ids"
                                + " group by q.threadId)",
                        Post.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(post -> firsts.put(post.getThreadId(), post));
        Map<Long, Category> categories = categories();
        Map<Long, String> names = names(authors(threads, firsts.values()));
        return SearchSources.batchOf(
                threads,
                DiscussionThread::getId,
                thread ->
                        Documents.thread(
                                        thread,
                                        categories.get(thread.getCategoryId()),
                                        firsts.get(thread.getId()),
                                        names)
                                .stream()
                                .toList());
    }

    Batch posts(long afterId, int size) {
        List<Post> posts = em.createQuery("select p from Post p where p.id > :after order by p.id", Post.class)
                .setHint(READ_ONLY, true)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
        if (posts.isEmpty()) {
            return new Batch(List.of(), afterId, 0);
        }
        Set<Long> threadIds = posts.stream().map(Post::getThreadId).collect(Collectors.toSet());
        Map<Long, DiscussionThread> threads =
                SearchSources.byId(em, DiscussionThread.class, DiscussionThread::getId, threadIds);
        Set<Long> firsts = new HashSet<>(
                em.createQuery("select min(p.id) from Post p where p.threadId in :ids group by p.threadId", Long.class)
                        .setParameter("ids", threadIds)
                        .getResultList());
        Map<Long, Category> categories = categories();
        Map<Long, String> names = names(authors(threads.values(), posts));
        return SearchSources.batchOf(posts, Post::getId, post -> {
            if (firsts.contains(post.getId())) {
                return List.of();
            }
            DiscussionThread thread = threads.get(post.getThreadId());
            return Documents.post(post, thread, categories.get(thread.getCategoryId()), names).stream()
                    .toList();
        });
    }

    private Map<Long, Category> categories() {
        return em.createQuery("select c from Category c", Category.class).getResultList().stream()
                .collect(Collectors.toMap(Category::getId, Function.identity()));
    }

    private static Set<Long> authors(Collection<DiscussionThread> threads, Collection<Post> posts) {
        Set<Long> ids = new HashSet<>();
        threads.forEach(thread -> ids.add(thread.getAuthorId()));
        posts.forEach(post -> ids.add(post.getAuthorId()));
        return ids;
    }

    private Map<Long, String> names(Set<Long> accountIds) {
        Map<Long, String> names = new HashMap<>();
        people.byIds(accountIds).forEach((id, person) -> names.put(id, person.displayName()));
        return names;
    }
}
