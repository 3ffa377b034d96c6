package org.ctoforum.discussions.control;

/**
 * Who a reader is told wrote something. In a Chatham House thread the answer is always "A participant", for every
 * reader, moderators included; only an audited unmasking reveals an author, and only to the moderator who asked.
 */
public final class Attribution {

    public static final String PARTICIPANT = "A participant";

    /** The name to show for an author: theirs, or the participant label in a Chatham House thread. */
    public static String shown(boolean chathamHouse, String displayName) {
        return chathamHouse || displayName == null ? PARTICIPANT : displayName;
    }

    private Attribution() {}
}
