package org.ctoforum.discussions.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.ctoforum.discussions.entity.Category;
import org.ctoforum.discussions.entity.CategoryKind;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.discussions.entity.Visibility;
import org.ctoforum.discussions.entity.WatchLevel;
import org.ctoforum.membership.boundary.People.Person;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;

/** Discussion categories: who may read and write in each, and staff's management of them. */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Categories {

    private static final Logger LOG = Logger.getLogger(Categories.class.getName());

    public record CategoryForm(
            String slug,
            String name,
            String description,
            String kind,
            String visibility,
            Boolean chathamHouseDefault,
            Integer position,
            Boolean reportSections) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ContentChanged> changes;

    @Inject
    Caller caller;

    @Inject
    Watches watches;

    /** The categories the caller may read, in their order, with counts of visible threads. */
    public List<CategoryView> list() {
        List<Category> readable = readable();
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select t.categoryId, count(t) from DiscussionThread t"
                                + " where t.status = :visible group by t.categoryId",
                        Object[].class)
                .setParameter("visible", DiscussionThread.Status.VISIBLE)
                .getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        Map<Long, WatchLevel> levels =
                caller.accountId().map(watches::categoryLevels).orElse(Map.of());
        return readable.stream()
                .map(c -> CategoryView.of(
                        c,
                        counts.getOrDefault(c.getId(), 0L),
                        Optional.ofNullable(levels.get(c.getId()))
                                .map(Enum::name)
                                .orElse(null)))
                .toList();
    }

    public List<Category> readable() {
        return em.createQuery("select c from Category c order by c.position, c.name", Category.class)
                .getResultStream()
                .filter(this::canRead)
                .toList();
    }

    /** The category staff chose for threads about report sections, whoever may read it. */
    public Optional<Category> forReportSections() {
        return em.createQuery("select c from Category c where c.reportSections = true", Category.class)
                .getResultStream()
                .findFirst();
    }

    /** The category, if it exists and the caller may read it; a 404 otherwise, so hidden ones are not confirmed. */
    public Category readableCategory(long id) {
        Category category = em.find(Category.class, id);
        if (category == null || !canRead(category)) {
            throw ProblemException.notFound("Category " + id);
        }
        return category;
    }

    public Optional<Category> bySlug(String slug) {
        return em.createQuery("select c from Category c where c.slug = :slug", Category.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst()
                .filter(this::canRead);
    }

    public boolean canRead(Category category) {
        return category.getVisibility().admits(caller::signedIn, () -> caller.is(Role.MEMBER) || caller.is(Role.STAFF));
    }

    /** Whether someone other than the caller may read the category: for notices and mentions. */
    public static boolean canRead(Person person, Category category) {
        return category.getVisibility().admits(() -> true, () -> person.has(Role.MEMBER) || person.has(Role.STAFF));
    }

    /** Writing takes a current membership, or staff, in every category. */
    public boolean canWrite(Category category) {
        return caller.signedIn() && canRead(category) && (caller.is(Role.MEMBER) || caller.is(Role.STAFF));
    }

    public CategoryView create(CategoryForm form) {
        caller.require(Role.STAFF, "manage categories");
        if (form == null) {
            throw ProblemException.badRequest("Send {slug, name, description, kind, visibility}.");
        }
        String slug = Fields.required(form.slug(), "slug", 60).strip().toLowerCase(Locale.ROOT);
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw ProblemException.badRequest("slug must be lower case letters and digits joined by hyphens.");
        }
        if (bySlugAny(slug).isPresent()) {
            throw ProblemException.conflict("A category with the slug '" + slug + "' exists already.");
        }
        Category category = new Category(slug, "", form.position() == null ? 100 : form.position());
        describe(category, form);
        em.persist(category);
        em.flush();
        LOG.info(() ->
                "Category " + slug + " created by account " + caller.accountId().orElseThrow());
        return CategoryView.of(category, 0, null);
    }

    public CategoryView update(long id, CategoryForm form) {
        caller.require(Role.STAFF, "manage categories");
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw ProblemException.notFound("Category " + id);
        }
        if (form == null) {
            throw ProblemException.badRequest("Send {name, description, kind, visibility}.");
        }
        describe(category, form);
        changes.fire(ContentChanged.of(Content.CATEGORY, id));
        LOG.info(() -> "Category " + category.getSlug() + " changed by account "
                + caller.accountId().orElseThrow());
        return CategoryView.of(category, 0, null);
    }

    private void describe(Category category, CategoryForm form) {
        category.describe(
                Fields.required(form.name(), "name", 120).strip(),
                Fields.optional(form.description(), "description", 1000),
                Fields.oneOf(CategoryKind.class, form.kind(), CategoryKind.GENERAL, "kind"),
                Fields.oneOf(Visibility.class, form.visibility(), Visibility.MEMBERS, "visibility"),
                Boolean.TRUE.equals(form.chathamHouseDefault()));
        if (form.reportSections() != null && form.reportSections() != category.isReportSections()) {
            if (form.reportSections()) {
                // One category at a time: the one chosen before gives the place up first, for the unique index.
                forReportSections().ifPresent(before -> {
                    before.takeReportSections(false);
                    em.flush();
                });
            }
            category.takeReportSections(form.reportSections());
            LOG.info(() -> "Threads about report sections "
                    + (form.reportSections() ? "now go to " : "no longer go to ") + category.getSlug());
        }
    }

    private Optional<Category> bySlugAny(String slug) {
        return em.createQuery("select c from Category c where c.slug = :slug", Category.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }
}
