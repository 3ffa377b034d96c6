package org.ctoforum.library.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.ctoforum.library.entity.LibraryEntry;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.text.Slugs;

/**
 * The best-practice library. Everyone can list every entry with its title and summary; the body of a members-only
 * entry goes only to members and staff, like a gated report.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Library {

    private static final Logger LOG = Logger.getLogger(Library.class.getName());

    public record EntryForm(
            String title,
            String summary,
            String body,
            String challengeArea,
            List<String> tags,
            String source,
            String access) {}

    public record EntryView(
            long id,
            String slug,
            String title,
            String summary,
            String challengeArea,
            List<String> tags,
            String source,
            String access,
            boolean locked,
            String body,
            String bodyHtml,
            OffsetDateTime updatedAt,
            String url)
            implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ContentChanged> changes;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** Entries filtered by challenge area, tag and words in the title or summary, by title. */
    public List<EntryView> list(String area, String tag, String words) {
        StringBuilder jpql = new StringBuilder("select distinct e from LibraryEntry e");
        if (tag != null && !tag.isBlank()) {
            jpql.append(" join e.tags t");
        }
        jpql.append(" where 1 = 1");
        if (area != null && !area.isBlank()) {
            jpql.append(" and e.challengeArea = :area");
        }
        if (tag != null && !tag.isBlank()) {
            jpql.append(" and t = :tag");
        }
        if (words != null && !words.isBlank()) {
            jpql.append(" and (lower(e.title) like :words or lower(e.summary) like :words)");
        }
        var query = em.createQuery(jpql + " order by e.title", LibraryEntry.class);
        if (area != null && !area.isBlank()) {
            query.setParameter("area", area);
        }
        if (tag != null && !tag.isBlank()) {
            query.setParameter("tag", tag.strip().toLowerCase(Locale.ROOT));
        }
        if (words != null && !words.isBlank()) {
            String escaped = Fields.optional(words, "q", 200)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            query.setParameter("words", "%" + escaped + "%");
        }
        return query.getResultList().stream().map(e -> view(e, false)).toList();
    }

    /** The newest entries, newest first, with their tags read in one more query. */
    public List<EntryView> latest(int max) {
        return em
                .createQuery("select e from LibraryEntry e order by e.createdAt desc, e.id desc", LibraryEntry.class)
                .setHint("eclipselink.batch", "e.tags")
                .setHint("eclipselink.batch.type", "IN")
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(e -> view(e, false))
                .toList();
    }

    /** The challenge areas in use, for the filter. */
    public List<String> areas() {
        return em.createQuery(
                        "select distinct e.challengeArea from LibraryEntry e order by e.challengeArea", String.class)
                .getResultList();
    }

    public EntryView get(long id) {
        return view(existing(id), true);
    }

    public EntryView bySlug(String slug) {
        return em.createQuery("select e from LibraryEntry e where e.slug = :s", LibraryEntry.class)
                .setParameter("s", slug)
                .getResultStream()
                .findFirst()
                .map(e -> view(e, true))
                .orElseThrow(() -> ProblemException.notFound("Library entry " + slug));
    }

    public EntryView create(EntryForm form) {
        long staffId = caller.require(Role.STAFF, "write library entries");
        OffsetDateTime now = OffsetDateTime.now(clock);
        String title = Fields.required(form.title(), "title", 200).strip();
        LibraryEntry entry = new LibraryEntry(uniqueSlug(title), staffId, now);
        write(entry, form, now);
        em.persist(entry);
        em.flush();
        changes.fire(ContentChanged.of(Content.LIBRARY_ENTRY, entry.getId()));
        LOG.info(() -> "Library entry " + entry.getId() + " '" + entry.getSlug() + "' written by account " + staffId);
        return view(entry, true);
    }

    public EntryView update(long id, EntryForm form) {
        long staffId = caller.require(Role.STAFF, "edit library entries");
        LibraryEntry entry = existing(id);
        write(entry, form, OffsetDateTime.now(clock));
        changes.fire(ContentChanged.of(Content.LIBRARY_ENTRY, id));
        LOG.info(() -> "Library entry " + id + " edited by account " + staffId);
        return view(entry, true);
    }

    public void delete(long id) {
        long staffId = caller.require(Role.STAFF, "delete library entries");
        em.remove(existing(id));
        changes.fire(ContentChanged.of(Content.LIBRARY_ENTRY, id));
        LOG.info(() -> "Library entry " + id + " deleted by account " + staffId);
    }

    public boolean canRead(LibraryEntry entry) {
        return entry.getAccess() == LibraryEntry.Access.PUBLIC || caller.is(Role.MEMBER) || caller.staff();
    }

    private void write(LibraryEntry entry, EntryForm form, OffsetDateTime now) {
        if (form == null) {
            throw ProblemException.badRequest("Send the entry as JSON.");
        }
        String body = Fields.required(form.body(), "body", 100_000);
        Set<String> tags = new TreeSet<>();
        for (String tag : form.tags() == null ? List.<String>of() : form.tags()) {
            String normal = Slugs.of(Fields.required(tag, "tag", 40), 40);
            tags.add(normal);
        }
        if (tags.size() > 8) {
            throw ProblemException.badRequest("An entry has at most 8 tags.");
        }
        entry.write(
                Fields.required(form.title(), "title", 200).strip(),
                Fields.required(form.summary(), "summary", 1000).strip(),
                body,
                Markdown.toSafeHtml(body),
                Fields.required(form.challengeArea(), "challengeArea", 80).strip(),
                tags,
                Fields.optional(form.source(), "source", 200),
                Fields.oneOf(LibraryEntry.Access.class, form.access(), LibraryEntry.Access.MEMBERS, "access"),
                now);
    }

    private LibraryEntry existing(long id) {
        LibraryEntry entry = em.find(LibraryEntry.class, id);
        if (entry == null) {
            throw ProblemException.notFound("Library entry " + id);
        }
        return entry;
    }

    private String uniqueSlug(String title) {
        String base = Slugs.of(title, 100);
        String candidate = base;
        for (int n = 2;
                em.createQuery("select count(e) from LibraryEntry e where e.slug = :s", Long.class)
                                .setParameter("s", candidate)
                                .getSingleResult()
                        > 0;
                n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private EntryView view(LibraryEntry entry, boolean withBody) {
        boolean open = canRead(entry);
        return new EntryView(
                entry.getId(),
                entry.getSlug(),
                entry.getTitle(),
                entry.getSummary(),
                entry.getChallengeArea(),
                List.copyOf(entry.getTags()),
                entry.getSource(),
                entry.getAccess().name(),
                !open,
                withBody && open ? entry.getBodyMarkdown() : null,
                withBody && open ? entry.getBodyHtml() : null,
                entry.getUpdatedAt(),
                "/library/entry.xhtml?slug=" + entry.getSlug());
    }
}
