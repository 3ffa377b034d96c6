package org.ctoforum.discussions.entity;

import java.util.function.BooleanSupplier;
import org.ctoforum.platform.searchable.ReaderKeys;

/** Who may read a category. Writing always takes a membership (or staff). */
public enum Visibility {
    MEMBERS,
    SIGNED_IN,
    PUBLIC;

    /**
     * The one reading rule, for pages, notices and search alike. The suppliers are asked only when the answer depends
     * on them: a role check is not free.
     */
    public boolean admits(BooleanSupplier signedIn, BooleanSupplier memberOrStaff) {
        return switch (this) {
            case PUBLIC -> true;
            case SIGNED_IN -> signedIn.getAsBoolean();
            case MEMBERS -> memberOrStaff.getAsBoolean();
        };
    }

    /** The same rule as the key search stores on the category's threads and posts. */
    public String readerKey() {
        return switch (this) {
            case PUBLIC -> ReaderKeys.EVERYONE;
            case SIGNED_IN -> ReaderKeys.SIGNED_IN;
            case MEMBERS -> ReaderKeys.MEMBERS;
        };
    }
}
