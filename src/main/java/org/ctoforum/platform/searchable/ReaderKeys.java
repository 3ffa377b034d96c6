package org.ctoforum.platform.searchable;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The access keys the index stores on each item and a reader holds. A reader may see an item when they share a key.
 * Staff hold no keys: their searches are not filtered.
 */
public final class ReaderKeys {

    public static final String EVERYONE = "everyone";
    public static final String SIGNED_IN = "signed-in";
    public static final String MEMBERS = "members";

    private ReaderKeys() {}

    public static String account(long accountId) {
        return "account:" + accountId;
    }

    /** The keys of a reader who is not staff. */
    public static Set<String> of(Long accountId, boolean member) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(EVERYONE);
        if (accountId != null) {
            keys.add(SIGNED_IN);
            keys.add(account(accountId));
        }
        if (member) {
            keys.add(MEMBERS);
        }
        return keys;
    }
}
