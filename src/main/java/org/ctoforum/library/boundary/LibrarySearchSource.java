package org.ctoforum.library.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import org.ctoforum.library.entity.LibraryEntry;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.searchable.IndexBatch;
import org.ctoforum.platform.searchable.IndexUpdate;
import org.ctoforum.platform.searchable.ReaderKeys;
import org.ctoforum.platform.searchable.SearchDocument;
import org.ctoforum.platform.searchable.SearchSource;

/** Library entries in search: a members' entry shows its title and summary to all, locked, and its text to members. */
@ApplicationScoped
public class LibrarySearchSource implements SearchSource {

    static final String LIBRARY = "library";

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<Content> changes() {
        return Set.of(Content.LIBRARY_ENTRY);
    }

    @Override
    public List<Content> rebuilt() {
        return List.of(Content.LIBRARY_ENTRY);
    }

    @Override
    public IndexUpdate update(Content content, long id) {
        IndexUpdate update = IndexUpdate.removing(SearchDocument.key(LIBRARY, id), false);
        LibraryEntry entry = em.find(LibraryEntry.class, id);
        if (entry != null) {
            update.put().add(document(entry));
        }
        return update;
    }

    @Override
    public long count(Content kind) {
        return em.createQuery("select count(e) from LibraryEntry e", Long.class).getSingleResult();
    }

    @Override
    public IndexBatch batch(Content kind, long afterId, int size) {
        return IndexBatch.of(
                em.createQuery("select e from LibraryEntry e where e.id > :after order by e.id", LibraryEntry.class)
                        .setParameter("after", afterId)
                        .setMaxResults(size)
                        .getResultList(),
                LibraryEntry::getId,
                entry -> List.of(document(entry)));
    }

    private static SearchDocument document(LibraryEntry entry) {
        boolean gated = entry.getAccess() == LibraryEntry.Access.MEMBERS;
        return SearchDocument.of(LIBRARY, entry.getId())
                .title(entry.getTitle())
                .summary(entry.getSummary())
                .body(Markdown.toPlainText(entry.getBodyMarkdown()))
                .url("/library/entry.xhtml?slug=" + entry.getSlug())
                .date(entry.getUpdatedAt().toLocalDate())
                .access(
                        gated ? "members" : "public",
                        gated,
                        Set.of(ReaderKeys.EVERYONE),
                        Set.of(gated ? ReaderKeys.MEMBERS : ReaderKeys.EVERYONE))
                .year(entry.getUpdatedAt().getYear())
                .topics(List.of(entry.getChallengeArea()))
                .build();
    }
}
