package org.ctoforum.platform.searchable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** What to remove from the index and what to put in it, for one change. */
public record IndexUpdate(List<String> removeKeys, List<String> removeChildrenOf, List<SearchDocument> put) {

    public static IndexUpdate empty() {
        return new IndexUpdate(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** Removes the item with this key, and its children too if {@code withChildren}. */
    public static IndexUpdate removing(String key, boolean withChildren) {
        IndexUpdate update = empty();
        update.removeKeys.add(key);
        if (withChildren) {
            update.removeChildrenOf.add(key);
        }
        return update;
    }

    /** The updates of several items, one after another: what a change to a container means. */
    public static IndexUpdate ofEach(List<Long> ids, LongFunction<IndexUpdate> update) {
        IndexUpdate all = empty();
        ids.forEach(id -> all.add(update.apply(id)));
        return all;
    }

    public void add(IndexUpdate other) {
        removeKeys.addAll(other.removeKeys);
        removeChildrenOf.addAll(other.removeChildrenOf);
        put.addAll(other.put);
    }
}
