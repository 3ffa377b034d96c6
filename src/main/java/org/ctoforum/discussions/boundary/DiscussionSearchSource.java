package org.ctoforum.discussions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ctoforum.discussions.entity.AboutSection;
import org.ctoforum.discussions.entity.Category;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.discussions.entity.Post;
import org.ctoforum.discussions.entity.Visibility;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.searchable.IndexBatch;
import org.ctoforum.platform.searchable.IndexUpdate;
import org.ctoforum.platform.searchable.SearchDocument;
import org.ctoforum.platform.searchable.SearchSource;

/**
 * Discussions in search. A thread is searched by its title and opening post, and each reply is a document of its
 * own; both are found only by those who may read the category, and a Chatham House thread carries no author at all.
 * A thread's title, rule, category and authors' names show in all its documents, so a change to any of them re-reads
 * the thread whole. A thread about a report section is also found by the section's heading and the report's title.
 */
@ApplicationScoped
public class DiscussionSearchSource implements SearchSource {

    static final String THREAD = "thread";
    static final String POST = "post";

    /** A rebuild only reads: EclipseLink then skips the copy it keeps of each entity to detect changes. */
    private static final String READ_ONLY = "eclipselink.read-only";

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Override
    public Set<Content> changes() {
        return Set.of(Content.CATEGORY, Content.THREAD, Content.POST, Content.AUTHOR);
    }

    @Override
    public List<Content> rebuilt() {
        return List.of(Content.THREAD, Content.POST);
    }

    @Override
    public IndexUpdate update(Content content, long id) {
        return switch (content) {
            case CATEGORY -> category(id);
            case AUTHOR -> author(id);
            case POST -> post(id);
            default -> thread(id);
        };
    }

    @Override
    public long count(Content kind) {
        String entity = kind == Content.POST ? "Post" : "DiscussionThread";
        return em.createQuery("select count(x) from " + entity + " x", Long.class)
                .getSingleResult();
    }

    @Override
    public IndexBatch batch(Content kind, long afterId, int size) {
        return kind == Content.POST ? posts(afterId, size) : threads(afterId, size);
    }

    private IndexUpdate category(long id) {
        return IndexUpdate.ofEach(
                em.createQuery("select t.id from DiscussionThread t where t.categoryId = :c", Long.class)
                        .setParameter("c", id)
                        .getResultList(),
                this::thread);
    }

    /** The threads an account wrote in, where its name shows: each read whole, its names loaded in one query. */
    private IndexUpdate author(long accountId) {
        return IndexUpdate.ofEach(
                em.createQuery(
                                "select distinct t.id from DiscussionThread t, Post p where p.threadId = t.id"
                                        + " and p.authorId = :a and t.chathamHouse = false",
                                Long.class)
                        .setParameter("a", accountId)
                        .getResultList(),
                this::thread);
    }

    /** A thread and all its posts: its title, rule and category show in every one of them. */
    private IndexUpdate thread(long id) {
        IndexUpdate update = IndexUpdate.removing(SearchDocument.key(THREAD, id), true);
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
        thread(thread, category, first, names).ifPresent(update.put()::add);
        for (Post post : posts.subList(Math.min(1, posts.size()), posts.size())) {
            post(post, thread, category, names).ifPresent(update.put()::add);
        }
        return update;
    }

    private IndexUpdate post(long id) {
        Post post = em.find(Post.class, id);
        if (post == null) {
            return IndexUpdate.removing(SearchDocument.key(POST, id), false);
        }
        long first = em.createQuery("select min(p.id) from Post p where p.threadId = :t", Long.class)
                .setParameter("t", post.getThreadId())
                .getSingleResult();
        if (first == id) {
            return thread(post.getThreadId());
        }
        IndexUpdate update = IndexUpdate.removing(SearchDocument.key(POST, id), false);
        DiscussionThread thread = em.find(DiscussionThread.class, post.getThreadId());
        Category category = em.find(Category.class, thread.getCategoryId());
        post(post, thread, category, names(authors(List.of(thread), List.of(post))))
                .ifPresent(update.put()::add);
        return update;
    }

    private IndexBatch threads(long afterId, int size) {
        List<DiscussionThread> threads = em.createQuery(
                        "select t from DiscussionThread t where t.id > :after order by t.id", DiscussionThread.class)
                .setHint(READ_ONLY, true)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
        if (threads.isEmpty()) {
            return IndexBatch.none(afterId);
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
        return IndexBatch.of(
                threads,
                DiscussionThread::getId,
                thread ->
                        thread(thread, categories.get(thread.getCategoryId()), firsts.get(thread.getId()), names)
                                .stream()
                                .toList());
    }

    private IndexBatch posts(long afterId, int size) {
        List<Post> posts = em.createQuery("select p from Post p where p.id > :after order by p.id", Post.class)
                .setHint(READ_ONLY, true)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
        if (posts.isEmpty()) {
            return IndexBatch.none(afterId);
        }
        Set<Long> threadIds = posts.stream().map(Post::getThreadId).collect(Collectors.toSet());
        Map<Long, DiscussionThread> threads = em
                .createQuery("select t from DiscussionThread t where t.id in :ids", DiscussionThread.class)
                .setHint(READ_ONLY, true)
                .setParameter("ids", threadIds)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(DiscussionThread::getId, Function.identity()));
        Set<Long> firsts = new HashSet<>(
                em.createQuery("select min(p.id) from Post p where p.threadId in :ids group by p.threadId", Long.class)
                        .setParameter("ids", threadIds)
                        .getResultList());
        Map<Long, Category> categories = categories();
        Map<Long, String> names = names(authors(threads.values(), posts));
        return IndexBatch.of(posts, Post::getId, post -> {
            if (firsts.contains(post.getId())) {
                return List.of();
            }
            DiscussionThread thread = threads.get(post.getThreadId());
            return post(post, thread, categories.get(thread.getCategoryId()), names).stream()
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

    /** A thread, searched by its title and opening post; the replies are posts of their own. */
    private static Optional<SearchDocument> thread(
            DiscussionThread thread, Category category, Post first, Map<Long, String> names) {
        if (!thread.visible()) {
            return Optional.empty();
        }
        Set<String> readers = Set.of(category.getVisibility().readerKey());
        return Optional.of(SearchDocument.of(THREAD, thread.getId())
                .title(thread.getTitle())
                .summary(aboutSection(thread.getSection()))
                .body(first != null && first.visible() ? Markdown.toPlainText(first.getBody()) : "")
                .url("/discussions/thread.xhtml?id=" + thread.getId())
                .date(thread.getCreatedAt().toLocalDate())
                .access(label(category.getVisibility()), false, readers, readers)
                .year(thread.getCreatedAt().getYear())
                .topics(List.of(category.getName()))
                .author(thread.isChathamHouse() ? null : names.get(thread.getAuthorId()))
                .build());
    }

    /** What a thread about a report section is about, so a search for the section's heading finds it. */
    private static String aboutSection(AboutSection section) {
        if (section == null) {
            return null;
        }
        return "About the " + (section.isRemoved() ? "removed " : "") + "section “" + section.getHeading() + "” of "
                + section.getReportTitle();
    }

    private static Optional<SearchDocument> post(
            Post post, DiscussionThread thread, Category category, Map<Long, String> names) {
        if (!post.visible() || !thread.visible()) {
            return Optional.empty();
        }
        Set<String> readers = Set.of(category.getVisibility().readerKey());
        return Optional.of(SearchDocument.of(POST, post.getId())
                .parent(SearchDocument.key(THREAD, thread.getId()))
                .shownTitle(thread.getTitle())
                .body(Markdown.toPlainText(post.getBody()))
                .url("/discussions/thread.xhtml?id=" + thread.getId() + "&after=" + (post.getId() - 1) + "#post-"
                        + post.getId())
                .date(post.getCreatedAt().toLocalDate())
                .access(label(category.getVisibility()), false, readers, readers)
                .year(post.getCreatedAt().getYear())
                .topics(List.of(category.getName()))
                .author(thread.isChathamHouse() ? null : names.get(post.getAuthorId()))
                .build());
    }

    private static String label(Visibility visibility) {
        return visibility == Visibility.SIGNED_IN
                ? "signed-in"
                : visibility.name().toLowerCase(Locale.ROOT);
    }
}
