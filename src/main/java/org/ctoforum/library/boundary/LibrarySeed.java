package org.ctoforum.library.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.ctoforum.library.entity.LibraryEntry;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.demo.DemoContext;
import org.ctoforum.platform.demo.DemoSeed;
import org.ctoforum.platform.markdown.Markdown;

/** The entries of seeds/library.json; an entry whose slug exists is left alone. */
@Stateless
public class LibrarySeed implements DemoSeed {

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Clock clock;

    @Inject
    Event<ContentChanged> changes;

    @Override
    public int order() {
        return 31;
    }

    @Override
    public void seed(DemoContext context) {
        long staff = people.byEmail("staff@demo.local").orElseThrow().id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (JsonObject item :
                context.json("library.json").getJsonArray("entries").getValuesAs(JsonObject.class)) {
            String slug = item.getString("slug");
            boolean exists = em.createQuery("select count(e) from LibraryEntry e where e.slug = :s", Long.class)
                            .setParameter("s", slug)
                            .getSingleResult()
                    > 0;
            if (exists) {
                continue;
            }
            Set<String> tags = item.getJsonArray("tags").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .collect(Collectors.toSet());
            LibraryEntry entry = new LibraryEntry(slug, staff, now);
            entry.write(
                    item.getString("title"),
                    item.getString("summary"),
                    item.getString("body"),
                    Markdown.toSafeHtml(item.getString("body")),
                    item.getString("challengeArea"),
                    tags,
                    item.getString("source", null),
                    LibraryEntry.Access.valueOf(item.getString("access")),
                    now);
            em.persist(entry);
            em.flush();
            changes.fire(ContentChanged.of(Content.LIBRARY_ENTRY, entry.getId()));
        }
    }
}
