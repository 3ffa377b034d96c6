package org.ctoforum.discussions.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ctoforum.discussions.control.Attribution;
import org.ctoforum.discussions.control.Mentions;
import org.ctoforum.discussions.entity.Category;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.discussions.entity.Post;
import org.ctoforum.discussions.entity.Visibility;
import org.ctoforum.discussions.entity.WatchLevel;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.membership.boundary.People.Person;
import org.ctoforum.platform.notices.NoticeRequested;
import org.ctoforum.platform.security.Role;

/**
 * Who hears of a new post, and what they are told. One notice per person and post, the most personal kind winning:
 * a mention, then a reply to your post, then a post in something you watch. Muted threads and categories stay
 * silent, and nobody hears of a category they may not read. In a Chatham House thread the notice names no author.
 */
@Stateless
public class DiscussionNotices {

    @Inject
    Event<NoticeRequested> notices;

    @Inject
    People people;

    @Inject
    Watches watches;

    public void threadStarted(DiscussionThread thread, Category category, Post first) {
        Map<Long, String> kinds = new LinkedHashMap<>();
        addMentions(kinds, first);
        Map<Long, WatchLevel> levels = watches.watchers(thread.getId(), category.getId());
        levels.forEach((account, level) -> {
            if (level == WatchLevel.WATCHING) {
                kinds.putIfAbsent(account, "NEW_THREAD");
            }
        });
        send(thread, category, first, kinds, levels);
    }

    public void postWritten(DiscussionThread thread, Category category, Post post, Post parent) {
        Map<Long, String> kinds = new LinkedHashMap<>();
        addMentions(kinds, post);
        if (parent != null) {
            kinds.putIfAbsent(parent.getAuthorId(), "REPLY");
        }
        Map<Long, WatchLevel> levels = watches.watchers(thread.getId(), category.getId());
        levels.forEach((account, level) -> {
            if (level == WatchLevel.WATCHING) {
                kinds.putIfAbsent(account, "POST");
            }
        });
        send(thread, category, post, kinds, levels);
    }

    /** The author of an unmasked post is told who asked for what reason: not a moderator's name, the fact. */
    public void unmasked(DiscussionThread thread, Category category, Post post, String reason) {
        notices.fire(new NoticeRequested(
                post.getAuthorId(),
                "UNMASKED",
                "A moderator revealed to the moderators that you wrote a post in “" + thread.getTitle()
                        + "”. Reason given: " + reason,
                link(thread, post),
                membersOnly(category)));
    }

    /** A notice names its thread: in a members' category, that is for members' eyes while they are members. */
    private static boolean membersOnly(Category category) {
        return category.getVisibility() == Visibility.MEMBERS;
    }

    private void addMentions(Map<Long, String> kinds, Post post) {
        Set<String> handles = Mentions.in(post.getBody());
        for (Person person : people.byHandles(handles)) {
            kinds.putIfAbsent(person.id(), "MENTION");
        }
    }

    private void send(
            DiscussionThread thread,
            Category category,
            Post post,
            Map<Long, String> kinds,
            Map<Long, WatchLevel> levels) {
        kinds.remove(post.getAuthorId());
        if (kinds.isEmpty()) {
            return;
        }
        Map<Long, Person> recipients = people.byIds(kinds.keySet());
        String who = thread.isChathamHouse()
                ? Attribution.PARTICIPANT
                : people.byId(post.getAuthorId()).map(Person::displayName).orElse(Attribution.PARTICIPANT);
        for (var entry : kinds.entrySet()) {
            Person recipient = recipients.get(entry.getKey());
            if (recipient == null
                    || !recipient.active()
                    || levels.get(recipient.id()) == WatchLevel.MUTED
                    || !Categories.canRead(recipient, category)
                    || !seesThread(recipient, thread)) {
                continue;
            }
            String text =
                    switch (entry.getValue()) {
                        case "MENTION" -> who + " mentioned you in “" + thread.getTitle() + "”";
                        case "REPLY" -> who + " replied to your post in “" + thread.getTitle() + "”";
                        case "NEW_THREAD" -> who + " started “" + thread.getTitle() + "” in " + category.getName();
                        default -> who + " posted in “" + thread.getTitle() + "”";
                    };
            notices.fire(new NoticeRequested(
                    recipient.id(), entry.getValue(), text, link(thread, post), membersOnly(category)));
        }
    }

    /** A hidden thread is the moderators' alone, its title too; a thread awaiting review is also its author's. */
    private static boolean seesThread(Person recipient, DiscussionThread thread) {
        return thread.visible()
                || recipient.has(Role.STAFF)
                || (thread.getStatus() == DiscussionThread.Status.PENDING && thread.getAuthorId() == recipient.id());
    }

    static String link(DiscussionThread thread, Post post) {
        return "/discussions/thread.xhtml?id=" + thread.getId() + "&after=" + (post.getId() - 1) + "#post-"
                + post.getId();
    }
}
