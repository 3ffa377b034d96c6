package org.ctoforum.search.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.ctoforum.platform.changes.ContentChanged;

/**
 * Hears about changed content twice: inside the transaction, to write the change to the log in that same
 * transaction (so a crash cannot lose it), and after it commits, to have the index apply it at once.
 */
@ApplicationScoped
public class SearchChangeLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchIndexer indexer;

    void record(@Observes ContentChanged change) {
        em.createNativeQuery("insert into search_change (content, item_id) values (?, ?)")
                .setParameter(1, change.content().name())
                .setParameter(2, change.id())
                .executeUpdate();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        indexer.committed(new SearchSources.Change(change.content(), change.id()));
    }
}
