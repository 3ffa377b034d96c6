package org.ctoforum.discussions.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ctoforum.discussions.entity.Category;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.discussions.entity.Post;
import org.ctoforum.discussions.entity.WatchLevel;
import org.ctoforum.forums.boundary.ForumReferences;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.membership.boundary.People.Person;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.demo.DemoContext;
import org.ctoforum.platform.demo.DemoSeed;
import org.ctoforum.platform.markdown.Markdown;

/**
 * The threads of seeds/discussions.json, backdated, in the categories the migration made. A thread whose title
 * exists is left alone. Authors watch their threads, and the demo member has read the older half of each thread
 * they took part in, so unread counts show from the first start.
 */
@Stateless
public class DiscussionSeed implements DemoSeed {

    private static final String DEMO_READER = "member@demo.local";

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    ForumReferences forums;

    @Inject
    Watches watches;

    @Inject
    Threads threads;

    @Inject
    Clock clock;

    @Inject
    Event<ContentChanged> changes;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void seed(DemoContext context) {
        JsonObject file = context.json("discussions.json");
        Person reader = people.byEmail(DEMO_READER).orElseThrow();
        for (JsonObject entry : file.getJsonArray("threads").getValuesAs(JsonObject.class)) {
            boolean exists = em.createQuery("select count(t) from DiscussionThread t where t.title = :t", Long.class)
                            .setParameter("t", entry.getString("title"))
                            .getSingleResult()
                    > 0;
            if (!exists) {
                seedThread(entry, reader);
            }
        }
    }

    private void seedThread(JsonObject entry, Person reader) {
        Category category = em.createQuery("select c from Category c where c.slug = :s", Category.class)
                .setParameter("s", entry.getString("category"))
                .getSingleResult();
        OffsetDateTime start = OffsetDateTime.now(clock).minusDays(entry.getInt("daysAgo"));
        Set<String> tags = entry.getJsonArray("tags").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toSet());
        Long session = entry.containsKey("session") ? sessionId(entry.getString("session")) : null;
        DiscussionThread thread = new DiscussionThread(
                category,
                entry.getString("title"),
                person(entry.getString("author")).id(),
                entry.getBoolean("chathamHouse", category.isChathamHouseDefault()),
                session,
                tags,
                false,
                start);
        thread.pin(entry.getBoolean("pinned", false));
        em.persist(thread);
        em.flush();
        changes.fire(ContentChanged.of(Content.THREAD, thread.getId()));
        List<Post> posts = new ArrayList<>();
        boolean readerTookPart = false;
        for (JsonObject p : entry.getJsonArray("posts").getValuesAs(JsonObject.class)) {
            Person author = person(p.getString("author"));
            readerTookPart |= author.id() == reader.id();
            JsonValue replyTo = p.get("replyTo");
            Long parent = replyTo == null || replyTo.getValueType() == JsonValue.ValueType.NULL
                    ? null
                    : posts.get(p.getInt("replyTo")).getId();
            String body = p.getString("body");
            Post post = new Post(
                    thread.getId(),
                    author.id(),
                    parent,
                    body,
                    Markdown.toSafeHtml(body),
                    false,
                    start.plusHours(p.getInt("hoursAfter")));
            em.persist(post);
            em.flush();
            posts.add(post);
            watches.watchThreadUnlessChosen(author.id(), thread.getId(), WatchLevel.WATCHING);
        }
        threads.recount(thread);
        if (readerTookPart) {
            watches.markRead(
                    reader.id(),
                    thread.getId(),
                    posts.get((posts.size() - 1) / 2).getId());
        }
    }

    private Person person(String email) {
        return people.byEmail(email)
                .orElseThrow(() -> new IllegalStateException(
                        "seeds/discussions.json names " + email + ", who is not in seeds/members.json"));
    }

    private Long sessionId(String title) {
        return forums.sessionIdByTitle(title)
                .orElseThrow(() -> new IllegalStateException("seeds/discussions.json names the session '" + title
                        + "', which seeds/forums.json does not have"));
    }
}
