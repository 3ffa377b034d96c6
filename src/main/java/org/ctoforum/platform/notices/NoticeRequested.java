package org.ctoforum.platform.notices;

/**
 * A feature asks that someone be told about something. Fired inside the feature's transaction; the notifications
 * feature writes the notice in it and mails it by the recipient's choice. {@code text} is one line the recipient may
 * see; {@code link} is a path on the portal, such as {@code /discussions/thread.xhtml?id=4}. A {@code membersOnly}
 * notice names what only members may read: it is shown, and mailed in a digest, only while the recipient is a member
 * or staff.
 */
public record NoticeRequested(long recipientId, String kind, String text, String link, boolean membersOnly) {

    public static NoticeRequested of(long recipientId, String kind, String text, String link) {
        return new NoticeRequested(recipientId, kind, text, link, false);
    }
}
