package org.ctoforum.search.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.Settings;

/** What staff may do with the index. */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class SearchAdmin {

    private static final Logger LOG = Logger.getLogger(SearchAdmin.class.getName());

    @Inject
    SearchIndexer indexer;

    @Inject
    Caller caller;

    @Inject
    SearchSources sources;

    @Inject
    Settings settings;

    /**
     * The live index and the last rebuild; {@code percent} is the rebuild's. {@code node} is the node that answered,
     * and {@code nodes} every node's place in the change log as each last reported it, slowest first.
     */
    public record Status(
            long documents,
            long changeLogTxid,
            int percent,
            RebuildProgress rebuild,
            String node,
            List<SearchSources.NodePlace> nodes) {}

    public Status status() {
        caller.require(Role.STAFF, "see the search index");
        return current();
    }

    public Status reindex() {
        long staffId = caller.require(Role.STAFF, "rebuild the search index");
        LOG.info(() -> "Account " + staffId + " asked for a search index rebuild");
        indexer.rebuild("asked by account " + staffId);
        return current();
    }

    private Status current() {
        RebuildProgress progress = indexer.progress();
        return new Status(
                indexer.index().documents(),
                indexer.cursor().txid(),
                progress.percent(),
                progress,
                settings.nodeName(),
                sources.nodes());
    }
}
