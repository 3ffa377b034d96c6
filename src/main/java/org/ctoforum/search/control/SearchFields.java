package org.ctoforum.search.control;

/** The names of the index's fields, and the version of their layout. */
public final class SearchFields {

    /** Bump when fields or analysis change: an index of another version is rebuilt at start. */
    public static final int SCHEMA_VERSION = 3;

    public static final String KEY = "key";
    public static final String PARENT = "parent";
    public static final String TYPE = "type";
    public static final String ID = "id";
    public static final String TITLE = "title";
    /** The title as hits show it; a reply shows its thread's title without being found by it. */
    public static final String SHOWN_TITLE = "shown_title";

    public static final String SUMMARY = "summary";
    public static final String BODY = "body";
    public static final String TOPIC = "topic";
    public static final String AUTHOR = "author";
    /** Every public word of an item in one field, so the words of a query may come from different fields. */
    public static final String PUBLIC_TEXT = "public_text";
    /** The public words and the gated body. */
    public static final String ALL_TEXT = "all_text";

    public static final String URL = "url";
    public static final String DATE = "date";
    public static final String ACCESS = "access";
    public static final String GATED = "gated";
    public static final String VISIBLE_TO = "visible_to";
    public static final String READABLE_BY = "readable_by";
    /**
     * {@link #VISIBLE_TO} again, on the few items that some who see them may not read (a gated report, a session with
     * members' notes): the only items a reader may match by their public words alone.
     */
    public static final String LOCKED_VISIBLE_TO = "locked_visible_to";

    public static final String RELEASE = "release";
    /** Every word of an item, for "did you mean" among what a reader may read. */
    public static final String SPELL = "spell";
    /** The public words of an item, for "did you mean" among what a reader may only see. */
    public static final String SPELL_PUBLIC = "spell_public";

    public static final String SUGGEST = "suggest";

    /** Facet dimensions, as the API names them. */
    public static final String FACET_TYPE = "type";

    public static final String FACET_THEME = "theme";
    public static final String FACET_YEAR = "year";
    public static final String FACET_TOPIC = "topic";
    public static final String FACET_ACCESS = "access";

    private SearchFields() {}
}
